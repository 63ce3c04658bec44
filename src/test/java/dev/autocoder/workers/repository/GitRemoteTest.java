package dev.autocoder.workers.repository;

import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitRemoteTest {

    private static String[] userAndPassword(GitRemote remote) throws Exception {
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();
        remote.credentials().get(new URIish(remote.url()), user, password);
        return new String[] {user.getValue(), new String(password.getValue())};
    }

    @Test
    void aTokenIsSentAsPasswordOfTheAccessTokenUser() throws Exception {
        GitRemote remote = GitRemote.parse("https://github.com/acme/app.git", "tok_123456");

        assertThat(remote.url()).isEqualTo("https://github.com/acme/app.git");
        assertThat(userAndPassword(remote)).containsExactly("x-access-token", "tok_123456");
    }

    @Test
    void credentialsInTheUrlMoveToTheProviderAndLeaveTheUrl() throws Exception {
        GitRemote remote = GitRemote.parse("https://ada:pa%2Fss@git.example.org/app.git", null);

        assertThat(remote.url()).isEqualTo("https://git.example.org/app.git");
        assertThat(userAndPassword(remote)).containsExactly("ada", "pa/ss");
        assertThat(remote.redact("denied for https://ada:pa%2Fss@git.example.org (pa/ss)"))
                .isEqualTo("denied for https://***@git.example.org (***)");
    }

    @Test
    void aLoneTokenAsUserIsASecretToo() throws Exception {
        GitRemote remote = GitRemote.parse("https://tok_abcdef@github.com/acme/app.git", null);

        assertThat(remote.url()).isEqualTo("https://github.com/acme/app.git");
        assertThat(userAndPassword(remote)).containsExactly("tok_abcdef", "");
        assertThat(remote.unreachable(new IOException("server said tok_abcdef is invalid", new IOException("tok_abcdef"))))
                .isEqualTo("autocoder.target.git-url: cannot reach https://github.com/acme/app.git: "
                        + "server said *** is invalid");
    }

    @Test
    void anSshUserIsNoSecretAndStaysInTheUrl() {
        GitRemote remote = GitRemote.parse("ssh://git@github.com/acme/app.git", null);

        assertThat(remote.url()).isEqualTo("ssh://git@github.com/acme/app.git");
        assertThat(remote.credentials()).isNull();
    }

    @Test
    void anUnsupportedSchemeIsRejectedWithoutCredentials() {
        assertThatThrownBy(() -> GitRemote.parse("gopher://ada:hunter22@example.org/x", null))
                .isInstanceOf(TargetUnavailableException.class)
                .hasMessage("autocoder.target.git-url: unsupported scheme 'gopher' in gopher://example.org/x");
    }
}
