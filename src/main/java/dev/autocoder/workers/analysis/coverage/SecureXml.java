package dev.autocoder.workers.analysis.coverage;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

/**
 * A streaming XML parser that never reaches outside the file it reads.
 * <p>
 * JaCoCo and Cobertura reports start with a DOCTYPE ({@code report.dtd}, or Cobertura's DTD on the web), so
 * DOCTYPEs must be allowed; what is switched off is everything a DOCTYPE could make the parser fetch or expand:
 * the external DTD, external general and parameter entities, XInclude, and (through secure processing) the
 * entity-expansion limits stay on. The JDK's own parser is used so these features are known to apply.
 */
final class SecureXml {

    private SecureXml() {
    }

    static SAXParser newParser() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // Reports carry a DOCTYPE, so it may not be refused; it is only never followed.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return parser;
    }
}
