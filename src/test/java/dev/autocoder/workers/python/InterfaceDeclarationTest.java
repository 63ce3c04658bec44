package dev.autocoder.workers.python;

import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twisted declares its interfaces with zope.interface, whose methods are written without {@code self}
 * ({@code def __exit__(excType, excValue, traceback)} in {@code _IFileDescriptorReservation(Interface)}): ruff's
 * PLE0302 reads a special method with a wrong signature, four times high on twisted's first screen. In a class
 * deriving from {@code zope.interface.Interface}, directly or through another of the module, it is info; in any
 * other class it stays as the table rates it.
 */
class InterfaceDeclarationTest {

    @TempDir
    Path root;

    @Test
    void aSpecialMethodOfAZopeInterfaceDeclarationIsInfoOneOfAnOrdinaryClassIsNot() {
        TestSnapshots.write(root, "reservation.py", """
                from zope.interface import Interface, implementer


                class IReservation(Interface):
                    def __exit__(excType, excValue, traceback):
                        \"""Give the reservation back.\"""


                class IFileReservation(IReservation):
                    def __eq__(other):
                        \"""Whether the two are the same reservation.\"""


                @implementer(IReservation)
                class Reservation:
                    def __exit__(self, excType, excValue):
                        return False
                """);

        PerspectiveResult result = PythonCodeQuality.of(root);

        assertThat(result.findings()).filteredOn(f -> f.rule().equals("PLE0302"))
                .extracting(f -> f.line() + " " + f.severity())
                .containsExactlyInAnyOrder("5 INFO", "10 INFO", "16 HIGH");
        assertThat(result.findings()).filteredOn(f -> f.rule().equals("PLE0302") && f.line() == 5).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("(a method of a zope.interface declaration, which is "
                        + "written without `self` as zope.interface documents: the implementing classes' methods take it)"));
    }
}
