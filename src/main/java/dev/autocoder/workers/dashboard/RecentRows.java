package dev.autocoder.workers.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.autocoder.workers.row.Row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A worker's newest rows, newest first, each kept as its deflated JSON and read back when asked for. A window of
 * {@code autocoder.dashboard.max-rows-limit} (100) whole rows was the largest thing the application held: a
 * test-planning row on a large target is ~300 KB of JSON and several times that as objects, so a full window took
 * more than the shipped heap. Deflated, the same row takes ~30 KB.
 */
final class RecentRows {

    private static final RecentRows NONE = new RecentRows(List.of(), null);

    /** Newest first. */
    private final List<byte[]> packed;
    private final ObjectMapper mapper;

    private RecentRows(List<byte[]> packed, ObjectMapper mapper) {
        this.packed = packed;
        this.mapper = mapper;
    }

    static RecentRows none() {
        return NONE;
    }

    /** The rows packed by {@link #pack}, newest first. */
    static RecentRows of(List<byte[]> newestFirst, ObjectMapper mapper) {
        return new RecentRows(List.copyOf(newestFirst), mapper);
    }

    static byte[] pack(Row row, ObjectMapper mapper) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            mapper.writeValue(out, row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep row " + row.iteration() + " of " + row.worker(), e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    int size() {
        return packed.size();
    }

    /** At most {@code limit} rows, newest first. */
    List<Row> newest(int limit) {
        List<Row> rows = new ArrayList<>(Math.min(limit, packed.size()));
        for (byte[] row : packed.subList(0, Math.min(limit, packed.size()))) {
            rows.add(unpack(row));
        }
        return rows;
    }

    /**
     * At most {@code limit} rows, newest first, as a JSON array written one row at a time: the API's hundred
     * rows are never all objects at once.
     */
    JsonSerializable newestAsJson(int limit) {
        List<byte[]> rows = packed.subList(0, Math.min(limit, packed.size()));
        return new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator json, SerializerProvider serializers) throws IOException {
                json.writeStartArray();
                for (byte[] row : rows) {
                    serializers.defaultSerializeValue(unpack(row), json);
                }
                json.writeEndArray();
            }

            @Override
            public void serializeWithType(JsonGenerator json, SerializerProvider serializers, TypeSerializer types)
                    throws IOException {
                serialize(json, serializers);
            }
        };
    }

    private Row unpack(byte[] row) {
        return unpack(row, mapper);
    }

    /** A row {@link #pack} packed. */
    static Row unpack(byte[] row, ObjectMapper mapper) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(row))) {
            return mapper.readValue(in, Row.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a kept row", e);
        }
    }
}
