package fixtures;

import java.io.InputStream;
import java.io.ObjectInputStream;

class Deserialization {

    Object inline(InputStream in) throws Exception {
        return new ObjectInputStream(in).readObject();
    }

    Object variable(InputStream in) throws Exception {
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            return ois.readUnshared();
        }
    }

    Object filterSetElsewhere(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        return ois.readObject();
    }

    Object handedOn(InputStream in) throws Exception {
        return readFrom(new ObjectInputStream(in));
    }

    Object handedOnByName(InputStream in) throws Exception {
        ObjectInputStream ois = new ObjectInputStream(in);
        return readFrom(ois);
    }

    private static Object readFrom(ObjectInputStream stream) throws Exception {
        return stream.readObject();
    }

    void configure(ObjectInputStream ois) {
        ois.setObjectInputFilter(info -> java.io.ObjectInputFilter.Status.REJECTED);
    }
}
