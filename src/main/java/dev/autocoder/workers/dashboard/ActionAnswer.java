package dev.autocoder.workers.dashboard;

/**
 * What a state-changing route answers: a redirect back to the worker's page (the page's form), a page (a
 * refused form), or JSON (scripts). Exactly one is set.
 */
public record ActionAnswer(String redirect, Page page, ApiAnswer json) {

    static ActionAnswer redirect(String location) {
        return new ActionAnswer(location, null, null);
    }

    static ActionAnswer page(Page page) {
        return new ActionAnswer(null, page, null);
    }

    static ActionAnswer json(ApiAnswer json) {
        return new ActionAnswer(null, null, json);
    }
}
