package dev.autocoder.workers.hub;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autocoder.workers.config.AutocoderJson;
import org.springframework.beans.factory.annotation.Qualifier;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.autocoder.workers.row.Row;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dataset_info.features} of a dataset card, derived from the Java types the rows are written from,
 * with Jackson's own view of their JSON names, so the declared schema cannot drift from what is written.
 * Declared features make {@code load_dataset} and the viewer read every file under one schema, even where a
 * column is null in every row of the first file.
 */
public final class DatasetFeatures {

    private final ObjectMapper mapper;

    public DatasetFeatures(@Qualifier(AutocoderJson.MAPPER) ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The features of a dataset whose rows carry the common columns and then the given worker columns. */
    public List<Map<String, Object>> forRows(Map<String, Type> workerColumns) {
        List<Map<String, Object>> features = fields(mapper.constructType(Row.class));
        workerColumns.forEach((name, type) -> features.add(named(name, feature(mapper.constructType(type)))));
        return features;
    }

    private List<Map<String, Object>> fields(JavaType type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(type);
        // the any-getter (a row's worker columns) is declared separately, from the worker's own types
        String anyGetter = description.findAnyGetter() == null ? null : description.findAnyGetter().getName();
        List<Map<String, Object>> fields = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            boolean isAnyGetter = property.hasGetter() && property.getGetter().getName().equals(anyGetter);
            if (property.couldSerialize() && !isAnyGetter) {
                fields.add(named(property.getName(), feature(property.getPrimaryType())));
            }
        }
        return fields;
    }

    /** A feature without its name: {dtype: ...}, {list: ...} or {struct: [...]}. */
    private Map<String, Object> feature(JavaType type) {
        Class<?> raw = type.getRawClass();
        Map<String, Object> feature = new LinkedHashMap<>();
        if (type.isCollectionLikeType() || type.isArrayType()) {
            Map<String, Object> content = feature(type.getContentType());
            // the card's short forms: "list: string" for scalars, "list: [fields]" for structs
            feature.put("list", content.size() == 1 && content.containsKey("dtype") ? content.get("dtype")
                    : content.containsKey("struct") && content.size() == 1 ? content.get("struct") : content);
        } else if (raw == String.class || raw.isEnum() || CharSequence.class.isAssignableFrom(raw)) {
            feature.put("dtype", "string");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            feature.put("dtype", "int64");
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            feature.put("dtype", "float64");
        } else if (raw == boolean.class || raw == Boolean.class) {
            feature.put("dtype", "bool");
        } else if (type.isMapLikeType() || raw == Object.class || raw.getName().startsWith("com.fasterxml.jackson")) {
            throw new IllegalArgumentException(raw.getName() + " has no fixed shape; publish it as a JSON-encoded string");
        } else {
            feature.put("struct", fields(type));
        }
        return feature;
    }

    private static Map<String, Object> named(String name, Map<String, Object> feature) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("name", name);
        named.putAll(feature);
        return named;
    }
}
