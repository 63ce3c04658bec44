package dev.autocoder.workers.analysis.coverage;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JaCoCo or Cobertura XML report, telling them apart by the root element ({@code <report>} or
 * {@code <coverage>}) rather than by the file name, in one streaming pass with {@link SecureXml}.
 */
final class XmlReportReader {

    CoverageReport read(Path file, String path) throws IOException, MalformedReportException {
        RootDispatch dispatch = new RootDispatch();
        try (InputStream in = Files.newInputStream(file)) {
            SecureXml.newParser().parse(new InputSource(in), dispatch);
        } catch (SAXParseException e) {
            throw new MalformedReportException("line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new MalformedReportException(e.getMessage(), e);
        }
        if (dispatch.delegate == null) {
            throw new MalformedReportException("no root element");
        }
        ReportHandler handler = dispatch.delegate;
        return new CoverageReport(path, handler.format(), handler.sourceRoots(), handler.classes(), handler.lines());
    }

    /** Picks the format's handler at the root element and forwards every later event to it. */
    private static final class RootDispatch extends DefaultHandler {
        private ReportHandler delegate;

        /** Second line of defence after {@link SecureXml}: any external entity resolves to nothing. */
        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader(""));
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if (delegate == null) {
                delegate = switch (qName) {
                    case "report" -> new JacocoXmlHandler();
                    case "coverage" -> new CoberturaXmlHandler();
                    default -> throw new SAXException("root element <" + qName
                            + "> is neither JaCoCo's <report> nor Cobertura's <coverage>");
                };
            }
            delegate.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            delegate.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            delegate.characters(ch, start, length);
        }
    }
}
