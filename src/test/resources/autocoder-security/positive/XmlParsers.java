package fixtures;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;

class XmlParsers {

    private static final DocumentBuilderFactory SHARED = DocumentBuilderFactory.newInstance();

    Object dom(InputStream in) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    Object sax() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newSAXParser();
    }

    Object stax(InputStream in) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        return factory.createXMLStreamReader(in);
    }

    Object transformer() throws Exception {
        return TransformerFactory.newInstance().newTransformer();
    }

    Object otherFactoryConfigured() throws Exception {
        DocumentBuilderFactory dom = DocumentBuilderFactory.newInstance();
        TransformerFactory xslt = TransformerFactory.newInstance();
        xslt.setAttribute("http://javax.xml.XMLConstants/property/accessExternalDTD", "");
        return dom.newDocumentBuilder();
    }
}
