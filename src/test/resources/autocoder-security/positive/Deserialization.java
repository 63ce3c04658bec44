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

    void configure(ObjectInputStream ois) {
        ois.setObjectInputFilter(info -> java.io.ObjectInputFilter.Status.REJECTED);
    }
}
