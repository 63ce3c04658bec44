package dev.autocoder.workers.implementation.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProposedCodeTest {

    private static final String DIFF = """
            --- a/src/A.java
            +++ b/src/A.java
            @@ -1,1 +1,1 @@
            -class A {}
            +final class A {}
            """;

    @Test
    void takesTheFirstDiffFence() {
        String answer = "1. Make A final.\n\n```java\nfinal class A {}\n```\n\n```diff\n" + DIFF + "```\nDone.";

        assertThat(ProposedCode.extractDiff(answer)).contains(DIFF);
    }

    @Test
    void takesAnUnlabelledFenceHoldingADiffOrABareDiff() {
        assertThat(ProposedCode.extractDiff("Here:\n```\n" + DIFF + "```")).contains(DIFF);
        assertThat(ProposedCode.extractDiff("Here it is:\n" + DIFF.strip())).contains(DIFF);
    }

    @Test
    void findsNothingInProse() {
        assertThat(ProposedCode.extractDiff("Make the class final; no diff, sorry.")).isEmpty();
        assertThat(ProposedCode.extractDiff("```java\nfinal class A {}\n```")).isEmpty();
        assertThat(ProposedCode.extractDiff(null)).isEmpty();
    }
}
