package dev.autocoder.workers.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autocoder.workers.testsupport.FakeHubState.Identity;

import java.util.Map;

/** Space secrets, variables and runtime. Secret values are write-only: no answer ever contains one. */
final class FakeHubSpaceApi {

    private final FakeHubState state;

    FakeHubSpaceApi(FakeHubState state) {
        this.state = state;
    }

    FakeHubResponse secrets(FakeHubExchange exchange, String repoId) {
        FakeHubRepo space = state.writable(state.requireIdentity(exchange), "space", repoId);
        change(exchange, space.secrets, "secret");
        return FakeHubResponse.json(200, settingsJson(space.secrets, false));
    }

    FakeHubResponse variables(FakeHubExchange exchange, String repoId) {
        Identity caller = state.requireIdentity(exchange);
        FakeHubRepo space;
        if (exchange.method.equals("GET")) {
            space = state.readable(caller, "space", repoId);
            if (!caller.name().equals(space.owner)) {
                throw FakeHubError.of(403, "Forbidden: only the owner of " + repoId + " may list its variables");
            }
        } else {
            space = state.writable(caller, "space", repoId);
            change(exchange, space.variables, "variable");
        }
        return FakeHubResponse.json(200, settingsJson(space.variables, true));
    }

    FakeHubResponse runtime(FakeHubExchange exchange, String repoId) {
        state.readable(state.identify(exchange), "space", repoId);
        return FakeHubResponse.json(200, runtime());
    }

    /** POST {key, value, description?} adds or replaces; DELETE with a JSON body {key} removes. */
    private void change(FakeHubExchange exchange, Map<String, FakeHubRepo.Setting> settings, String what) {
        switch (exchange.method) {
            case "GET" -> {
            }
            case "POST" -> {
                Map.Entry<String, FakeHubRepo.Setting> setting =
                        FakeHubRepoApi.setting(exchange.jsonObjectBody(), what, state);
                settings.put(setting.getKey(), setting.getValue());
            }
            case "DELETE" -> {
                if (exchange.body.length == 0) {
                    throw FakeHubError.malformed("deleting a " + what + " takes a JSON body {\"key\": ...}");
                }
                JsonNode key = exchange.jsonObjectBody().get("key");
                if (key == null || !key.isTextual() || key.asText().isEmpty()) {
                    throw FakeHubError.malformed("deleting a " + what + " takes a JSON body {\"key\": ...}");
                }
                settings.remove(key.asText());
            }
            default -> throw new IllegalStateException("the router only sends GET, POST and DELETE here");
        }
    }

    private static ObjectNode settingsJson(Map<String, FakeHubRepo.Setting> settings, boolean withValues) {
        ObjectNode json = FakeHubFormats.JSON.createObjectNode();
        settings.forEach((key, setting) -> {
            ObjectNode entry = json.putObject(key);
            if (withValues) {
                entry.put("value", setting.value());
            }
            entry.put("description", setting.description())
                    .put("updatedAt", FakeHubFormats.isoTime(setting.updatedAt()));
        });
        return json;
    }

    /** {stage, hardware: {current, requested}, ...}: a Space here stays BUILDING, so no hardware runs yet. */
    static ObjectNode runtime() {
        ObjectNode json = FakeHubFormats.JSON.createObjectNode().put("stage", "BUILDING");
        json.putObject("hardware").putNull("current").put("requested", "cpu-basic");
        json.put("gcTimeout", 172800).putNull("storage").put("devMode", false);
        return json;
    }
}
