package org.iatipub.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.iatipub.SharedIati;
import org.iatipub.model.ModelEvents;
import org.iatipub.model.iati.IatiActivitiesType;
import org.iatipub.model.iati.IatiActivityType;
import org.iatipub.model.iati.ObjectFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The record serializer writes what the JDK's own serializer (an identity transform, indented by
 * two) writes, byte for byte: the files look as they always did. The JDK's serializer is the
 * reference here, fed the same events.
 */
class RecordSerializerTest {
  private interface Events {
    void send(ContentHandler handler) throws Exception;
  }

  /** What the JDK's serializer, configured as publish configured it before, writes for the events. */
  private static String reference(Events events) throws Exception {
    TransformerHandler handler = ((SAXTransformerFactory) SAXTransformerFactory.newInstance()).newTransformerHandler();
    handler.getTransformer().setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
    handler.getTransformer().setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    handler.getTransformer().setOutputProperty(OutputKeys.INDENT, "yes");
    handler.getTransformer().setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    handler.setResult(new StreamResult(bytes));
    events.send(handler);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String ours(Events events) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    events.send(new RecordSerializer().to(bytes));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void assertSameAsTheJdk(Events events) throws Exception {
    String expected = reference(events);
    String actual = ours(events);
    int at = 0;
    while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    assertEquals(expected.substring(Math.max(0, at - 200), Math.min(expected.length(), at + 60)),
        actual.substring(Math.max(0, at - 200), Math.min(actual.length(), at + 60)), "first difference at " + at);
  }

  private static void element(ContentHandler handler, String name, String text, String... attributes) throws SAXException {
    AttributesImpl atts = new AttributesImpl();
    for (int i = 0; i < attributes.length; i += 2) {
      atts.addAttribute("", attributes[i], attributes[i], "CDATA", attributes[i + 1]);
    }
    handler.startElement("", name, name, atts);
    if (text != null) {
      handler.characters(text.toCharArray(), 0, text.length());
    }
    handler.endElement("", name, name);
  }

  @Test
  void everyCharacterIsWrittenAsTheJdkWritesItInTextAndInAttributes() throws Exception {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (int c = 0; c < 0x10000; c++) {
      if (!Character.isSurrogate((char) c)) {
        chunk.append((char) c);
      }
      if (chunk.length() == 512 || c == 0xffff) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
    }
    chunks.add("beyond the first plane: \uD83D\uDE00 \uD801\uDC37 \uDBFF\uDFFF");
    assertSameAsTheJdk(handler -> {
      handler.startDocument();
      handler.startElement("", "iati-activity", "iati-activity", new AttributesImpl());
      for (String text : chunks) {
        element(handler, "narrative", text, "note", text);
      }
      handler.endElement("", "iati-activity", "iati-activity");
      handler.endDocument();
    });
  }

  @Test
  void elementsOnLinesOfTheirOwnIndentedByTwo() throws Exception {
    Events events = handler -> {
      handler.startDocument();
      handler.startElement("", "iati-activity", "iati-activity", new AttributesImpl());
      element(handler, "iati-identifier", "XM-DAC-41302-1");
      handler.startElement("", "title", "title", new AttributesImpl());
      element(handler, "narrative", "Roads");
      element(handler, "narrative", "Routes", "xml:lang", "fr");
      handler.endElement("", "title", "title");
      element(handler, "activity-status", null, "code", "2");
      handler.endElement("", "iati-activity", "iati-activity");
      handler.endDocument();
    };
    assertEquals("""
        <iati-activity>
          <iati-identifier>XM-DAC-41302-1</iati-identifier>
          <title>
            <narrative>Roads</narrative>
            <narrative xml:lang="fr">Routes</narrative>
          </title>
          <activity-status code="2"/>
        </iati-activity>
        """, ours(events));
    assertSameAsTheJdk(events);
  }

  @Test
  void textBesideElementsAndTextInPiecesAsTheJdkWritesThem() throws Exception {
    assertSameAsTheJdk(handler -> {
      handler.startDocument();
      handler.startElement("", "a", "a", new AttributesImpl());
      handler.characters("before".toCharArray(), 0, 6);
      element(handler, "b", "in pieces: ");
      handler.characters("  between  ".toCharArray(), 0, 11);
      element(handler, "c", null);
      handler.characters("   ".toCharArray(), 0, 3);
      handler.startElement("", "d", "d", new AttributesImpl());
      handler.characters("one ".toCharArray(), 0, 4);
      handler.characters("two".toCharArray(), 0, 3);
      handler.endElement("", "d", "d");
      element(handler, "e", "   ");
      handler.endElement("", "a", "a");
      handler.endDocument();
    });
  }

  @Test
  void namespaceDeclarationsComeBeforeTheAttributes() throws Exception {
    assertSameAsTheJdk(handler -> {
      handler.startDocument();
      handler.startElement("", "iati-activity", "iati-activity", new AttributesImpl());
      handler.startPrefixMapping("dwcp", "http://iatipub.org/ns/ilo-dwcp");
      AttributesImpl atts = new AttributesImpl();
      atts.addAttribute("", "ref", "ref", "CDATA", "TLS 102");
      atts.addAttribute("http://iatipub.org/ns/ilo-dwcp", "kind", "dwcp:kind", "CDATA", "outcome");
      handler.startElement("http://iatipub.org/ns/ilo-dwcp", "outcome", "dwcp:outcome", atts);
      handler.characters("Decent work".toCharArray(), 0, 11);
      handler.endElement("http://iatipub.org/ns/ilo-dwcp", "outcome", "dwcp:outcome");
      handler.endPrefixMapping("dwcp");
      handler.endElement("", "iati-activity", "iati-activity");
      handler.endDocument();
    });
  }

  @Test
  void realFilesReadEventByEventComeOutAsTheJdkWritesThem() throws Exception {
    for (String file : List.of("real-files/v2.03/example_203_file.xml", "real-files/worldbank.xml", "real-files/IATIfromGF.xml")) {
      Path path = SharedIati.require(file.split("/"));
      Events events = handler -> {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        XMLFilterImpl replay = new XMLFilterImpl(factory.newSAXParser().getXMLReader());
        replay.setContentHandler(handler);
        replay.parse(path.toUri().toString());
      };
      assertSameAsTheJdk(events);
    }
  }

  @Test
  void activitiesWrittenByTheModelComeOutAsTheJdkWritesThem() throws Exception {
    Path path = SharedIati.require("real-files", "v2.03", "example_203_file.xml");
    JAXBContext context = JAXBContext.newInstance(ObjectFactory.class);
    IatiActivitiesType file = context.createUnmarshaller()
        .unmarshal(new StreamSource(path.toFile()), IatiActivitiesType.class).getValue();
    assertTrue(file.getIatiActivity().size() > 1, "the example has activities");
    ModelEvents model = new ModelEvents(IatiActivityType.class);
    for (IatiActivityType activity : file.getIatiActivity()) {
      JAXBElement<IatiActivityType> element = new ObjectFactory().createIatiActivity(activity);
      assertSameAsTheJdk(handler -> {
        handler.startDocument();
        model.write(element, handler);
        handler.endDocument();
      });
    }
  }

  @Test
  void halfASurrogatePairIsRefusedNotWrittenBroken() {
    assertThrows(SAXException.class, () -> ours(handler -> {
      handler.startDocument();
      element(handler, "narrative", "broken \uD83D here");
      handler.endDocument();
    }));
  }
}
