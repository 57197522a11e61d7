package org.iatipub.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javax.xml.namespace.QName;
import org.iatipub.finding.Location;
import org.junit.jupiter.api.Test;

/** The print of a draft stands for its set of paths: equal paths, equal prints; any path more or less, another print. */
class PathPrintTest {
  private static final Location.Cell CELL = new Location.Cell("main.csv", 2, "title/narrative");

  @Test
  void countsEveryElementAttributeAndText() {
    XmlElement activity = activity().build();
    assertEquals(activity.paths().size(), activity.print().count());
  }

  @Test
  void theOrderOfDifferentlyNamedChildrenDoesNotMatter() {
    XmlElement.Builder statusFirst = XmlElement.element("iati-activity")
        .child(XmlElement.element("activity-status").attribute("code", "2", CELL))
        .child(XmlElement.element("title").child(XmlElement.element("narrative").text("Roads", CELL)));
    assertEquals(activity().build().print(), statusFirst.build().print());
  }

  @Test
  void aMissingAttributeTextOrElementChangesThePrint() {
    PathPrint whole = activity().build().print();
    XmlElement.Builder noCode = XmlElement.element("iati-activity")
        .child(XmlElement.element("title").child(XmlElement.element("narrative").text("Roads", CELL)))
        .child(XmlElement.element("activity-status").attribute("kode", "2", CELL));
    XmlElement.Builder noText = XmlElement.element("iati-activity")
        .child(XmlElement.element("title").child(XmlElement.element("narrative").attribute("lang", "en", CELL)))
        .child(XmlElement.element("activity-status").attribute("code", "2", CELL));
    assertNotEquals(whole, noCode.build().print());
    assertNotEquals(whole, noText.build().print());
    assertNotEquals(whole, activity().child(XmlElement.element("title").child(XmlElement.element("narrative").text("Jalan", CELL)))
        .build().print(), "a second title is another path: title[2]");
  }

  @Test
  void namespacesArePartOfANamesPath() {
    XmlElement plain = XmlElement.element("iati-activity").attribute("lang", "en", CELL).build();
    XmlElement xml = XmlElement.element("iati-activity")
        .attribute(new QName(javax.xml.XMLConstants.XML_NS_URI, "lang", "xml"), "en", CELL).build();
    assertNotEquals(plain.print(), xml.print());
  }

  private static XmlElement.Builder activity() {
    return XmlElement.element("iati-activity")
        .child(XmlElement.element("title").child(XmlElement.element("narrative").text("Roads", CELL)))
        .child(XmlElement.element("activity-status").attribute("code", "2", CELL));
  }
}
