package dev.autocoder.workers.implementation.llm;

/** The stages of the implementation worker that may ask the language model, each with its prompt file. */
public enum PromptStage {
    DEEP_UNDERSTANDING("deep-understanding"),
    APPROACH_EVALUATION("approach-evaluation"),
    IMPLEMENTATION_PLAN("implementation-plan");

    private final String fileName;

    PromptStage(String name) {
        this.fileName = name + ".md";
    }

    /** The prompt file's name, e.g. {@code deep-understanding.md}. */
    public String fileName() {
        return fileName;
    }
}
