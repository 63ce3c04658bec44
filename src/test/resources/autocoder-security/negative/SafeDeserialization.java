package fixtures;

import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

class SafeDeserialization {

    Object filtered(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.lang.String;!*"));
        return ois.readObject();
    }

    Object lookAhead(InputStream in) throws Exception {
        return new AllowListStream(in).readObject();
    }

    static class AllowListStream extends ObjectInputStream {
        AllowListStream(InputStream in) throws java.io.IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws java.io.IOException, ClassNotFoundException {
            if (!desc.getName().equals("java.lang.String")) {
                throw new java.io.InvalidClassException(desc.getName());
            }
            return super.resolveClass(desc);
        }
    }

    static class Custom implements java.io.Serializable {
        private transient Object cached;

        private void readObject(ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            cached = in.readObject();
        }
    }

    /** A serialization hook's helper (Guava's Serialization.populateMap): the stream is the caller's to filter. */
    static void populate(java.util.Map<Object, Object> map, ObjectInputStream stream, int size) throws Exception {
        for (int i = 0; i < size; i++) {
            map.put(stream.readObject(), stream.readObject());
        }
    }

    Object filteredThenHandedOn(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        ois.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.lang.String;!*"));
        java.util.Map<Object, Object> map = new java.util.HashMap<>();
        populate(map, ois, 1);
        return map;
    }
}
