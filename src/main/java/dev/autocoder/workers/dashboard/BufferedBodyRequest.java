package dev.autocoder.workers.dashboard;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.MultiValueMap;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose body (of bounded size) was already read into memory, behaving as the container's own: a form
 * body's fields join the query parameters unless the body was read first, and once they have, the body reads
 * as empty (Camel reads both and would otherwise see every field twice).
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private Map<String, String[]> parameters;
    private boolean bodyRead;
    private boolean formParsed;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = unreadBody();
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body was already read");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(unreadBody(), charset()));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters().get(name);
    }

    private Map<String, String[]> parameters() {
        if (parameters == null) {
            // the container sees a body already read: it parses the query string only
            Map<String, String[]> merged = new LinkedHashMap<>(super.getParameterMap());
            if (isForm() && !bodyRead) {
                formParsed = true;
                formFields().forEach((name, values) -> merged.merge(name, values.toArray(String[]::new), BufferedBodyRequest::concat));
            }
            parameters = Collections.unmodifiableMap(merged);
        }
        return parameters;
    }

    private ByteArrayInputStream unreadBody() {
        bodyRead = true;
        return new ByteArrayInputStream(formParsed ? new byte[0] : body);
    }

    private boolean isForm() {
        try {
            String type = getContentType();
            return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private MultiValueMap<String, String> formFields() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(getContentType()));
        HttpInputMessage message = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
        try {
            return new FormHttpMessageConverter().read(null, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Charset charset() {
        String encoding = getCharacterEncoding();
        return encoding == null || !Charset.isSupported(encoding) ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }

    private static String[] concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
