package fixtures;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;

class SafeTls {

    static class PinningTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;

        PinningTrustManager(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    static class OnlyOurHost implements HostnameVerifier {
        @Override
        public boolean verify(String hostname, SSLSession session) {
            return "api.example.org".equals(hostname);
        }
    }

    HostnameVerifier lambda() {
        return (host, session) -> host.endsWith(".example.org");
    }

    static class Unrelated {
        void checkServerTrusted() {
        }

        boolean verify(String a, String b) {
            return true;
        }
    }
}
