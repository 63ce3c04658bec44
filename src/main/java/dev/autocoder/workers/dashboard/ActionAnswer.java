package dev.autocoder.workers.dashboard;

/**
 * What a state-changing route answers: a redirect back to the worker's page (the page's form), a page (a
 * refused form), or JSON (scripts). Exactly one is set. (The factories are not named like the components: the
 * routes' simple expressions {@code ${body.redirect}} would call a same-named static method.)
 */
record ActionAnswer(String redirect, Page page, ApiAnswer json) {

    static ActionAnswer redirectTo(String location) {
        return new ActionAnswer(location, null, null);
    }

    static ActionAnswer showing(Page page) {
        return new ActionAnswer(null, page, null);
    }

    static ActionAnswer answering(ApiAnswer json) {
        return new ActionAnswer(null, null, json);
    }
}
