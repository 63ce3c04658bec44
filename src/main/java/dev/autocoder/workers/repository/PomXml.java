package dev.autocoder.workers.repository;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the few pom.xml elements the snapshot needs (source folders, compiler level) with a parser that refuses
 * DOCTYPEs and external entities, so an analyzed repository cannot make it read files or the network.
 */
final class PomXml {

    private PomXml() {
    }

    /** The {@code <project>} element of a pom file. */
    static Element project(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    /** The first child element of that name, or null (also when the parent is null). */
    static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    children.add(element);
                }
            }
        }
        return children;
    }

    /** The element's text, stripped, or null when there is no element. */
    static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }
}
