package dev.autocoder.workers.analysis.quality;

import dev.autocoder.workers.analysis.pmd.CpdRunner;
import dev.autocoder.workers.analysis.pmd.PmdEngine;
import dev.autocoder.workers.analysis.pmd.PmdRulesets;
import dev.autocoder.workers.analysis.pmd.TestSnapshots;
import dev.autocoder.workers.row.Finding;
import dev.autocoder.workers.row.Metric;
import dev.autocoder.workers.worker.PerspectiveResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An equals(..) without hashCode() (or the other way round) is reported by the code-quality row only where the
 * missing method is Object's: not where a superclass of the project, or a JDK collection base class, defines it,
 * also for an anonymous class.
 */
class InheritedEqualityPairsTest {

    @TempDir
    Path root;

    @Test
    void aMissingHashCodeOrEqualsThatASuperclassDefinesIsNotReported() {
        TestSnapshots.write(root, "src/main/java/shop/base/Money.java", """
                package shop.base;

                public class Money {
                    protected final long cents;

                    public Money(long cents) {
                        this.cents = cents;
                    }

                    @Override
                    public boolean equals(Object other) {
                        return other instanceof Money m && m.cents == cents;
                    }

                    @Override
                    public int hashCode() {
                        return Long.hashCode(cents);
                    }
                }
                """);
        TestSnapshots.write(root, "src/main/java/shop/Prices.java", """
                package shop;

                import java.util.AbstractSet;
                import java.util.Iterator;
                import java.util.Set;
                import shop.base.Money;

                class Prices {
                    /** Caches the hash code; equals is Money's. */
                    static final class CachedMoney extends Money {
                        private final int hash;

                        CachedMoney(long cents) {
                            super(cents);
                            this.hash = Long.hashCode(cents);
                        }

                        @Override
                        public int hashCode() {
                            return hash;
                        }
                    }

                    /** Two levels down, through a class nested beside it. */
                    static final class Euro extends Tagged {
                        Euro(long cents) {
                            super(cents, "EUR");
                        }

                        @Override
                        public boolean equals(Object other) {
                            return other == this || super.equals(other);
                        }
                    }

                    static class Tagged extends CachedMoney {
                        final String tag;

                        Tagged(long cents, String tag) {
                            super(cents);
                            this.tag = tag;
                        }
                    }

                    /** A fast path before AbstractSet's equals; AbstractSet's hashCode goes with it. */
                    static final class Empty extends AbstractSet<String> {
                        @Override
                        public boolean equals(Object other) {
                            return other instanceof Set<?> s && s.isEmpty();
                        }

                        @Override
                        public Iterator<String> iterator() {
                            return Set.<String>of().iterator();
                        }

                        @Override
                        public int size() {
                            return 0;
                        }
                    }

                    /** Object's hashCode: equal prices land in different buckets. */
                    static final class Plain {
                        long cents;

                        @Override
                        public boolean equals(Object other) {
                            return other instanceof Plain p && p.cents == cents;
                        }
                    }

                    /** An interface may redeclare equals for its javadoc; it defines nothing. */
                    interface Priced {
                        @Override
                        boolean equals(Object other);
                    }

                    static final class Label implements Priced {
                        String text;

                        @Override
                        public int hashCode() {
                            return text.hashCode();
                        }
                    }

                    /** A superclass outside the project: what it defines is not known. */
                    static final class Counter extends java.util.Random {
                        @Override
                        public int hashCode() {
                            return 7;
                        }
                    }

                    /** An anonymous subclass: Money's hashCode goes with it (Guava's StandardTable.wrapEntry). */
                    static Money rounded(long cents) {
                        return new Money(cents / 100 * 100) {
                            @Override
                            public boolean equals(Object other) {
                                return other instanceof Money m && m.hashCode() == hashCode();
                            }
                        };
                    }

                    /** An anonymous Object: Object's hashCode. */
                    static Object token() {
                        return new Object() {
                            @Override
                            public boolean equals(Object other) {
                                return other == this;
                            }
                        };
                    }
                }
                """);
        TestSnapshots.write(root, "src/main/java/shop/Coin.java", """
                package shop;

                /** Its superclass written through the outer class, as Guava's extends ImmutableSet.CachingAsList<E>. */
                final class Coin extends Prices.Tagged {
                    Coin(long cents) {
                        super(cents, "coin");
                    }

                    @Override
                    public int hashCode() {
                        return 31 * super.hashCode();
                    }
                }
                """);
        PerspectiveResult result = new CodeQualityPerspective(new PmdEngine(PmdRulesets.curated(), 1), new CpdRunner(100))
                .analyze(TestSnapshots.context(TestSnapshots.of(root)));

        assertThat(result.findings()).filteredOn(f -> f.rule().equals(InheritedEqualityPairs.RULE))
                .extracting(Finding::line).containsExactly(68, 83, 91, 110);
        assertThat(result.metrics()).contains(Metric.of("equality_pairs_inherited", 5));
    }
}
