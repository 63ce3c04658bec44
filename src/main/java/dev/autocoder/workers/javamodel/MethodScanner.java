package dev.autocoder.workers.javamodel;

import net.sourceforge.pmd.lang.ast.Node;
import net.sourceforge.pmd.lang.ast.impl.javacc.JavaccToken;
import net.sourceforge.pmd.lang.java.ast.ASTAmbiguousName;
import net.sourceforge.pmd.lang.java.ast.ASTArgumentList;
import net.sourceforge.pmd.lang.java.ast.ASTAssignmentExpression;
import net.sourceforge.pmd.lang.java.ast.ASTBlock;
import net.sourceforge.pmd.lang.java.ast.ASTBreakStatement;
import net.sourceforge.pmd.lang.java.ast.ASTCastExpression;
import net.sourceforge.pmd.lang.java.ast.ASTCatchClause;
import net.sourceforge.pmd.lang.java.ast.ASTConditionalExpression;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTDoStatement;
import net.sourceforge.pmd.lang.java.ast.ASTEnumConstant;
import net.sourceforge.pmd.lang.java.ast.ASTExecutableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTExplicitConstructorInvocation;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTExpressionStatement;
import net.sourceforge.pmd.lang.java.ast.ASTFieldAccess;
import net.sourceforge.pmd.lang.java.ast.ASTFieldDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTForStatement;
import net.sourceforge.pmd.lang.java.ast.ASTForeachStatement;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTGuard;
import net.sourceforge.pmd.lang.java.ast.ASTIfStatement;
import net.sourceforge.pmd.lang.java.ast.ASTInfixExpression;
import net.sourceforge.pmd.lang.java.ast.ASTTypeParameter;
import net.sourceforge.pmd.lang.java.ast.ASTTypeParameters;
import net.sourceforge.pmd.lang.java.ast.ASTLambdaExpression;
import net.sourceforge.pmd.lang.java.ast.ASTLocalVariableDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTMethodReference;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTNullLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTNumericLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTResource;
import net.sourceforge.pmd.lang.java.ast.ASTResourceList;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTStringLiteral;
import net.sourceforge.pmd.lang.java.ast.ASTSwitchLabel;
import net.sourceforge.pmd.lang.java.ast.ASTThisExpression;
import net.sourceforge.pmd.lang.java.ast.ASTThrowStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTryStatement;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeExpression;
import net.sourceforge.pmd.lang.java.ast.ASTUnaryExpression;
import net.sourceforge.pmd.lang.java.ast.ASTVariableAccess;
import net.sourceforge.pmd.lang.java.ast.ASTVariableDeclarator;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.ASTWhileStatement;
import net.sourceforge.pmd.lang.java.ast.BinaryOp;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.ast.JavaNode;
import net.sourceforge.pmd.lang.java.ast.UnaryOp;
import net.sourceforge.pmd.lang.java.symbols.JFieldSymbol;
import net.sourceforge.pmd.lang.java.symbols.JVariableSymbol;
import net.sourceforge.pmd.lang.java.types.JArrayType;
import net.sourceforge.pmd.lang.java.types.JClassType;
import net.sourceforge.pmd.lang.java.types.JMethodSig;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Walks one method of PMD's syntax tree once and records what the planner needs: calls with their receiver types,
 * loops, comparisons with numeric literals, throws, catches, casts and null returns. Receiver types come from the
 * declared types of parameters, locals and fields and from the file's imports (no classpath, no inference); texts
 * are the source as written, whitespace-normalised. Anonymous and local classes inside the method count as part
 * of it.
 */
final class MethodScanner {

    /** The JDK packages whose calls record the overload PMD resolved ({@link #jdkOverload}). */
    private static final Set<String> JDK_OVERLOAD_PACKAGES = Set.of("java.lang", "java.math", "java.time", "java.util");

    /**
     * Catch variables that say the failure is meant to go (PMD's EmptyCatchBlock allowExceptionNameRegex, and
     * {@code ignore} as IntelliJ's empty-catch inspection takes it: Camel's parser factory names them so); an empty
     * block with a comment says so too (PMD's allowCommentedBlocks).
     */
    private static final Pattern DELIBERATELY_CAUGHT = Pattern.compile("ignored?|expected");

    /** Calls that close or delete something: a cleanup whose failure leaves nothing to undo. */
    private static final Set<String> CLEANUP_METHODS = Set.of("close", "delete", "deleteIfExists");

    /** Return types of factory calls, so {@code Runtime.getRuntime().exec(..)} has a receiver type. */
    private static final Map<String, String> RETURNS = Map.ofEntries(
            Map.entry("java.lang.Runtime.getRuntime", "java.lang.Runtime"),
            Map.entry("java.net.http.HttpClient.newHttpClient", "java.net.http.HttpClient"),
            Map.entry("java.sql.DriverManager.getConnection", "java.sql.Connection"),
            Map.entry("javax.sql.DataSource.getConnection", "java.sql.Connection"),
            Map.entry("java.sql.Connection.createStatement", "java.sql.Statement"),
            Map.entry("java.sql.Connection.prepareStatement", "java.sql.PreparedStatement"),
            Map.entry("java.net.URL.openConnection", "java.net.URLConnection"),
            Map.entry("java.lang.ProcessBuilder.start", "java.lang.Process"),
            Map.entry("java.lang.Runtime.exec", "java.lang.Process"),
            Map.entry("java.util.concurrent.ThreadLocalRandom.current", "java.util.concurrent.ThreadLocalRandom"),
            Map.entry("java.nio.file.Paths.get", "java.nio.file.Path"),
            Map.entry("java.nio.file.Path.of", "java.nio.file.Path"),
            Map.entry("java.time.Clock.systemUTC", "java.time.Clock"),
            Map.entry("java.time.Clock.systemDefaultZone", "java.time.Clock"));

    private static final Set<String> LOGGER_NAMES = Set.of("log", "logger", "LOG", "LOGGER", "System.out", "System.err");

    private static final Set<String> STREAM_STEPS = Set.of("forEach", "forEachOrdered", "map", "flatMap", "filter", "peek",
            "mapToInt", "mapToLong", "mapToDouble", "mapToObj", "anyMatch", "allMatch", "noneMatch", "takeWhile", "dropWhile");

    private static final Set<String> TIGHT_BEFORE = Set.of(".", ")", "]", ",", ";");
    private static final Set<String> TIGHT_AFTER = Set.of(".", "(", "[");

    private static final Pattern SIZE_BOUND = Pattern.compile("([A-Za-z_$][\\w$.]*)\\.(size\\(\\)|length)");

    private final ASTExecutableDeclaration method;
    private final TypeNames names;
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> params = new LinkedHashSet<>();
    private final Map<String, Set<String>> reachedParams = new HashMap<>();

    private final List<Invocation> invocations = new ArrayList<>();
    private final List<Loop> loops = new ArrayList<>();
    /** Per loop of {@link #loops}: whether it stops early (a break of its own or a return). */
    private final List<Boolean> loopsStopEarly = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<ThrowSite> throwSites = new ArrayList<>();
    private final List<CatchSite> catches = new ArrayList<>();
    private final List<String> casts = new ArrayList<>();
    private final List<Integer> castLines = new ArrayList<>();
    private final List<String> castOperands = new ArrayList<>();
    private final List<Integer> nullReturns = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final Set<String> closedInFinally = new TreeSet<>();
    /** Locals handed on whole: returned, or assigned to a field (the object then owns what they hold). */
    private final Set<String> handedOnLocals = new TreeSet<>();
    private final Set<String> closedParams = new TreeSet<>();
    /** The call or creation node of each recorded invocation, to follow where a created object goes. */
    private final Map<Node, Integer> invocationIndex = new IdentityHashMap<>();
    private final List<Node> invocationNodes = new ArrayList<>();
    private int decisions;

    MethodScanner(ASTExecutableDeclaration method, TypeNames names, Map<String, String> fields) {
        this.method = method;
        this.names = names;
        variables.putAll(fields);
        for (ASTFormalParameter p : method.getFormalParameters()) {
            String name = p.getVarId().getName();
            variables.put(name, FileModelBuilder.typeText(p.getTypeNode()));
            params.add(name);
            reachedParams.put(name, Set.of(name));
        }
    }

    MethodScanner scan() {
        List<ASTVariableDeclarator> declarators = findAll(method, ASTVariableDeclarator.class);
        for (ASTVariableDeclarator v : declarators) {
            String type = declaredType(v);
            if (type == null && v.getInitializer() != null) {
                type = typeOf(v.getInitializer());
            }
            if (type != null) {
                variables.put(v.getName(), type);
            }
        }
        List<ASTAssignmentExpression> assignments = findAll(method, ASTAssignmentExpression.class);
        // two passes: a local assigned from a local assigned from a parameter is reached too
        for (int pass = 0; pass < 2; pass++) {
            for (ASTVariableDeclarator v : declarators) {
                if (v.getInitializer() != null) {
                    spread(v.getName(), v.getInitializer());
                }
            }
            for (ASTAssignmentExpression a : assignments) {
                String target = simpleName(a.getLeftOperand());
                if (target != null) {
                    spread(target, a.getRightOperand());
                }
            }
        }
        List<ASTTryStatement> tries = findAll(method, ASTTryStatement.class);
        for (ASTTryStatement t : tries) {
            if (t.getFinallyClause() != null) {
                for (ASTMethodCall c : findAll(t.getFinallyClause(), ASTMethodCall.class)) {
                    String scope = simpleName(c.getQualifier());
                    if (c.getMethodName().equals("close") && scope != null) {
                        closedInFinally.add(scope);
                    }
                }
            }
        }
        findClosedParams(tries);
        for (ASTReturnStatement r : findAll(method, ASTReturnStatement.class)) {
            addIfPresent(handedOnLocals, simpleName(r.getExpr()));
        }
        for (ASTAssignmentExpression a : assignments) {
            if (isField(a.getLeftOperand())) {
                addIfPresent(handedOnLocals, simpleName(a.getRightOperand()));
            }
        }
        method.children().forEach(child -> visit(child, 0, -1));
        handoffs();
        return this;
    }

    /** The declared type of a local or field as written (extra dimensions added); null for {@code var}. */
    private static String declaredType(ASTVariableDeclarator v) {
        Node declaration = v.getParent();
        String type = declaration instanceof ASTLocalVariableDeclaration local ? (local.isTypeInferred() ? null
                : FileModelBuilder.typeText(local.getTypeNode()))
                : declaration instanceof ASTFieldDeclaration field ? FileModelBuilder.typeText(field.getTypeNode()) : null;
        int dimensions = v.getVarId().getExtraDimensions() == null ? 0 : v.getVarId().getExtraDimensions().size();
        return type == null ? null : type + "[]".repeat(dimensions);
    }

    /**
     * Parameters the method closes: a try-with-resources resource that is the parameter or a wrapper created
     * around it ({@code try (BufferedReader b = new BufferedReader(reader))}), or a {@code param.close()} call.
     */
    private void findClosedParams(List<ASTTryStatement> tries) {
        for (ASTTryStatement t : tries) {
            if (t.getResources() == null) {
                continue;
            }
            for (ASTResource resource : t.getResources()) {
                String concise = resource.isConciseResource() ? simpleName(resource.getInitializer()) : null;
                if (concise != null && params.contains(concise)) {
                    closedParams.add(concise);
                }
                for (ASTConstructorCall wrapper : findAll(resource, ASTConstructorCall.class)) {
                    for (ASTExpression argument : wrapper.getArguments()) {
                        String name = simpleName(argument);
                        if (name != null && params.contains(name)) {
                            closedParams.add(name);
                        }
                    }
                }
            }
        }
        for (ASTMethodCall call : findAll(method, ASTMethodCall.class)) {
            String scope = simpleName(call.getQualifier());
            if (call.getMethodName().equals("close") && call.getArguments().isEmpty() && scope != null && params.contains(scope)) {
                closedParams.add(scope);
            }
        }
    }

    /** For each JDK object created or opened here, the calls it is handed to (see {@link Invocation#handedTo()}). */
    private void handoffs() {
        for (int i = 0; i < invocations.size(); i++) {
            Invocation call = invocations.get(i);
            if (call.type() == null || !(call.type().startsWith("java.") || call.type().startsWith("javax."))) {
                continue;
            }
            List<String> receivers = new ArrayList<>();
            receivers(invocationNodes.get(i), receivers, 0);
            if (!receivers.isEmpty()) {
                invocations.set(i, call.handedTo(receivers));
            }
        }
    }

    private void receivers(Node value, List<String> out, int depth) {
        if (depth > 3) {
            return;
        }
        Node parent = value.getParent();
        String local = null;
        if (parent instanceof ASTArgumentList) {
            argumentOf(value, out, depth);
        } else if (parent instanceof ASTVariableDeclarator v) {
            local = v.getName();
        } else if (parent instanceof ASTAssignmentExpression a && a.getRightOperand() == value) {
            local = simpleName(a.getLeftOperand());
        }
        if (local != null) {
            for (ASTVariableAccess use : findAll(method, ASTVariableAccess.class)) {
                if (use.getName().equals(local)) {
                    argumentOf(use, out, depth);
                }
            }
        }
    }

    /** Records the argument position when value is an argument of a call; follows a wrapper created around it. */
    private void argumentOf(Node value, List<String> out, int depth) {
        if (!(value.getParent() instanceof ASTArgumentList arguments)) {
            return;
        }
        Node call = arguments.getParent();
        Integer index = invocationIndex.get(call);
        if (index != null) {
            out.add(index + ":" + value.getIndexInParent());
        }
        if (call instanceof ASTConstructorCall) {
            receivers(call, out, depth + 1);
        }
    }

    /** The types caught by the try statements whose try block or resources enclose the node, innermost first. */
    private List<String> caughtBy(Node node) {
        List<String> caught = new ArrayList<>();
        Node child = node;
        Node parent = node.getParent();
        while (parent != null && parent != method) {
            if (parent instanceof ASTTryStatement t && (child == t.getBody() || child instanceof ASTResourceList)) {
                t.getCatchClauses().forEach(c -> caught.addAll(caughtTypes(c)));
            }
            child = parent;
            parent = parent.getParent();
        }
        return caught;
    }

    private static List<String> caughtTypes(ASTCatchClause c) {
        return c.getParameter().getAllExceptionTypes().toStream().map(MethodScanner::typeText).toList();
    }

    private void spread(String local, ASTExpression value) {
        Set<String> reached = new TreeSet<>(reachedParams.getOrDefault(local, Set.of()));
        for (String name : namesIn(value)) {
            reached.addAll(reachedParams.getOrDefault(name, Set.of()));
        }
        if (!reached.isEmpty()) {
            reachedParams.put(local, reached);
        }
    }

    /**
     * @param collectionLoop index of the innermost enclosing loop over a collection, array or stream; -1 for none
     */
    private void visit(JavaNode node, int loopDepth, int collectionLoop) {
        int depth = loopDepth;
        int overLoop = collectionLoop;
        Loop loop = loopOf(node, loopDepth + 1);
        if (loop != null) {
            depth++;
            decisions++;
            overLoop = loop(loop, stopsEarly(node), overLoop);
        } else {
            fact(node);
        }
        if (node instanceof ASTCatchClause c) {
            catchSite(c);
        }
        if (node instanceof ASTConstructorCall o) {
            record(o, invocation(o, true, names.resolve(typeText(o.getTypeNode())), "<init>", o.getArguments(), depth, overLoop, false));
        } else if (node instanceof ASTMethodCall m && visitedAsStream(m, depth, overLoop)) {
            return;
        }
        for (JavaNode child : node.children()) {
            // a for-each's iterable is evaluated once, before the loop: its calls are not in the loop
            boolean once = node instanceof ASTForeachStatement f && child == f.getIterableExpr();
            visit(child, once ? loopDepth : depth, once ? collectionLoop : overLoop);
        }
    }

    /** The loop the node is, at that depth; null when it is no loop statement. */
    private Loop loopOf(JavaNode node, int depth) {
        if (node instanceof ASTForStatement f) {
            String compare = f.getCondition() == null ? "" : text(f.getCondition());
            String bound = f.getCondition() == null ? null : sizeBound(compare);
            String init = f.getInit() == null ? "" : text(f.getInit());
            // "[init]; condition": the header as the planner has always written it
            return new Loop("for", line(node), depth, bound != null, header("[" + init + "]; " + compare),
                    bound == null ? null : "index of `" + bound + "`", growth(node, depth));
        }
        if (node instanceof ASTForeachStatement f) {
            String variable = text(f.firstChild(ASTLocalVariableDeclaration.class));
            return new Loop("for-each", line(node), depth, !LoopFactors.isWrittenOut(f.getIterableExpr()),
                    header(variable + " : " + text(f.getIterableExpr())),
                    "element of `" + header(text(f.getIterableExpr())) + "`", growth(node, depth));
        }
        ASTExpression condition = node instanceof ASTWhileStatement w ? w.getCondition()
                : node instanceof ASTDoStatement d ? d.getCondition() : null;
        if (condition == null) {
            return null;
        }
        String iterator = iterator(condition);
        return new Loop(node instanceof ASTWhileStatement ? "while" : "do", line(node), depth, iterator != null,
                header(text(condition)), iterator == null ? null : "element of iterator `" + iterator + "`",
                growth(node, depth));
    }

    /** What a node other than a loop adds to the method's facts: a decision, a comparison, a cast, a null return, ... */
    private void fact(JavaNode node) {
        if (node instanceof ASTIfStatement || node instanceof ASTConditionalExpression || node instanceof ASTCatchClause) {
            decisions++;
        } else if (node instanceof ASTSwitchLabel label && !label.isDefault()) {
            decisions += (int) label.children().toStream().filter(c -> !(c instanceof ASTGuard)).count();
        } else if (node instanceof ASTInfixExpression b) {
            if (b.getOperator() == BinaryOp.CONDITIONAL_AND || b.getOperator() == BinaryOp.CONDITIONAL_OR) {
                decisions++;
            }
            comparison(b);
        } else if (node instanceof ASTCastExpression c && canFailHere(c)) {
            casts.add(typeText(c.getCastType()));
            castLines.add(line(node));
            castOperands.add(header(text(c.getOperand())));
        } else if (node instanceof ASTReturnStatement r && r.getExpr() instanceof ASTNullLiteral) {
            nullReturns.add(line(node));
        } else if (node instanceof ASTStringLiteral s && !s.isTextBlock()) {
            strings.add(unquoted(s));
        } else if (node instanceof ASTThrowStatement t) {
            throwSite(t);
        }
    }

    /**
     * Records the call; a call that streams over a collection is a loop whose lambdas run once per element, so its
     * arguments are visited one loop deeper (true: the call's children are visited).
     */
    private boolean visitedAsStream(ASTMethodCall m, int depth, int overLoop) {
        ASTExpression scope = m.getQualifier();
        String receiver = scope == null ? null : typeOf(scope);
        boolean implicit = scope == null || scope instanceof ASTThisExpression;
        record(m, invocation(m, false, receiver, m.getMethodName(), m.getArguments(), depth, overLoop, implicit));
        String over = streamed(m);
        if (over == null) {
            return false;
        }
        int index = loop(new Loop("stream", line(m), depth + 1, true,
                header(text(scope) + "." + m.getMethodName() + "(..)"), over, growth(m, depth + 1)), false, overLoop);
        for (JavaNode child : m.children()) {
            if (child instanceof ASTArgumentList arguments) {
                for (JavaNode argument : arguments.children()) {
                    boolean body = argument instanceof ASTLambdaExpression;
                    visit(argument, body ? depth + 1 : depth, body ? index : overLoop);
                }
            } else {
                visit(child, depth, overLoop);
            }
        }
        return true;
    }

    /** The loop's depth less the loops on its way out that add no factor ({@link LoopFactors}). */
    private static int growth(JavaNode node, int depth) {
        return depth - LoopFactors.loopsWithoutFactor(node);
    }

    private int loop(Loop loop, boolean stopsEarly, int enclosing) {
        loops.add(loop);
        loopsStopEarly.add(stopsEarly);
        return loop.overCollection() ? loops.size() - 1 : enclosing;
    }

    /**
     * A nanoTime read that only measures: the minuend of a difference not compared where it is taken, or the start
     * kept in a local that is read only as the subtrahend of such differences ({@link Invocation#MEASURES_ELAPSED}).
     */
    private static boolean measuresElapsed(JavaNode call) {
        Node parent = call.getParent();
        if (parent instanceof ASTInfixExpression difference) {
            return difference.getLeftOperand() == call && uncomparedDifference(difference);
        }
        if (parent instanceof ASTVariableDeclarator declarator && declarator.getVarId().isLocalVariable()) {
            List<ASTNamedReferenceExpr> reads = declarator.getVarId().getLocalUsages();
            return !reads.isEmpty() && reads.stream().allMatch(read -> read.getParent() instanceof ASTInfixExpression difference
                    && difference.getRightOperand() == read && uncomparedDifference(difference));
        }
        return false;
    }

    private static boolean uncomparedDifference(ASTInfixExpression expression) {
        return expression.getOperator() == BinaryOp.SUB && !(expression.getParent() instanceof ASTInfixExpression outer
                && (BinaryOp.COMPARISON_OPS.contains(outer.getOperator()) || BinaryOp.EQUALITY_OPS.contains(outer.getOperator())));
    }

    /** The loop has a break of its own or a return outside a lambda: it can end before its last element. */
    private static boolean stopsEarly(JavaNode loop) {
        return loop.descendants(ASTBreakStatement.class).any(b -> b.getTarget() == loop)
                || loop.descendants(ASTReturnStatement.class).any(r -> r.ancestors(ASTLambdaExpression.class)
                .none(lambda -> lambda.ancestors().any(a -> a == loop)));
    }

    private void record(Node node, Invocation call) {
        invocationIndex.put(node, invocations.size());
        invocationNodes.add(node);
        invocations.add(call);
    }

    /**
     * What a stream step with a lambda walks ("element of `files`"), or null when the call is not one: any
     * {@code forEach} (of a collection, map or stream), and {@code map}, {@code filter}... on a chain that starts at
     * {@code x.stream()}, {@code Arrays.stream(x)}, {@code Stream.of(..)} or a {@code Files.lines/list/walk}.
     */
    private static String streamed(ASTMethodCall m) {
        if (!STREAM_STEPS.contains(m.getMethodName()) || m.getQualifier() == null
                || m.getArguments().toStream().none(a -> a instanceof ASTLambdaExpression || a instanceof ASTMethodReference)) {
            return null;
        }
        ASTExpression scope = m.getQualifier();
        while (scope instanceof ASTMethodCall inner) {
            String name = inner.getMethodName();
            if ((name.equals("stream") || name.equals("parallelStream")) && inner.getArguments().isEmpty() && inner.getQualifier() != null) {
                return "element of `" + header(text(inner.getQualifier())) + "`";
            }
            if ((name.equals("stream") || name.equals("of") || name.equals("lines") || name.equals("list") || name.equals("walk"))
                    && !inner.getArguments().isEmpty()) {
                return "element of `" + header(text(inner)) + "`";
            }
            if (!STREAM_STEPS.contains(name) && !name.equals("sorted") && !name.equals("distinct") && !name.equals("limit")
                    && !name.equals("skip") && !name.equals("boxed")) {
                break;
            }
            scope = inner.getQualifier();
        }
        return m.getMethodName().startsWith("forEach") ? "element of `" + header(text(m.getQualifier())) + "`" : null;
    }

    /** {@code list} for {@code i < list.size()} or {@code i < array.length}; null for other bounds. */
    private static String sizeBound(String compare) {
        Matcher m = SIZE_BOUND.matcher(compare);
        return m.find() ? m.group(1) : null;
    }

    /** {@code it} for a loop condition {@code it.hasNext()} (or {@code hasMoreElements}); null otherwise. */
    static String iterator(ASTExpression condition) {
        if (condition instanceof ASTMethodCall c && c.getArguments().isEmpty() && c.getQualifier() != null
                && (c.getMethodName().equals("hasNext") || c.getMethodName().equals("hasMoreElements"))) {
            return header(text(c.getQualifier()));
        }
        return null;
    }

    private Invocation invocation(JavaNode node, boolean creation, String type, String name, ASTArgumentList args, int depth,
                                  int collectionLoop, boolean implicit) {
        Set<String> reached = new TreeSet<>();
        Set<String> reachedByFirst = new TreeSet<>();
        Set<String> reachedByOthers = new TreeSet<>();
        for (ASTExpression arg : args) {
            for (String used : namesIn(arg)) {
                Set<String> params = reachedParams.getOrDefault(used, Set.of());
                reached.addAll(params);
                (arg.getIndexInParent() == 0 ? reachedByFirst : reachedByOthers).addAll(params);
            }
        }
        List<String> facts = new ArrayList<>(jdkOverload(node, type));
        if (args.size() > 1 && !reached.isEmpty()) {
            facts.add(Invocation.FIRST_ARGUMENT_PARAMS + "=" + String.join(",", reachedByFirst));
            if (reachedByOthers.isEmpty()) {
                facts.add(Invocation.FIRST_ARGUMENT_ONLY);
            }
        }
        if ("java.lang.System".equals(type) && "nanoTime".equals(name) && measuresElapsed(node)) {
            facts.add(Invocation.MEASURES_ELAPSED);
        }
        if (collectionLoop >= 0 && loopsStopEarly.get(collectionLoop)) {
            facts.add(Invocation.LOOP_STOPS_EARLY);
        }
        if (collectionLoop >= 0 && LoopFactors.onLoopElement(node)) {
            facts.add(Invocation.ON_LOOP_ELEMENT);
        }
        Node parent = outermostWrapper(node).getParent();
        if (parent instanceof ASTArgumentList && parent.getParent() instanceof ASTExplicitConstructorInvocation delegation
                && delegation.isThis()) {
            facts.add(Invocation.CONSTRUCTOR_DEFAULT);
        }
        ASTTryStatement enclosingTry = node.ancestors(ASTTryStatement.class).first();
        boolean inResources = enclosingTry != null && enclosingTry.getResources() != null
                && node.ancestors().any(a -> a == enclosingTry.getResources());
        boolean closed = false;
        if (parent instanceof ASTVariableDeclarator v) {
            closed = owned(v.getName());
        } else if (parent instanceof ASTAssignmentExpression a && isField(a.getLeftOperand())) {
            closed = true; // stored in a field: the object owns it
        } else if (parent instanceof ASTAssignmentExpression a && simpleName(a.getLeftOperand()) != null) {
            closed = owned(simpleName(a.getLeftOperand()));
        } else if (parent instanceof ASTReturnStatement) {
            closed = true; // handed to the caller
        } else if (parent instanceof ASTArgumentList && parent.getParent() instanceof ASTMethodCall registrar) {
            closed = registersWithACloser(registrar);
        }
        return new Invocation(creation, type, name, line(node), depth, inResources, closed, List.copyOf(reached),
                header(text(node)), implicit, args.size(), caughtBy(node), collectionLoop, List.of(), facts);
    }

    /**
     * {@code closer.register(new FileInputStream(f))} on a local the method closes in a finally block or as a
     * try-with-resources resource: Guava's {@code Closer}, which closes what was registered when it is closed.
     */
    private boolean registersWithACloser(ASTMethodCall call) {
        String closer = simpleName(call.getQualifier());
        if (closer == null || !call.getMethodName().equals("register")) {
            return false;
        }
        return closedInFinally.contains(closer) || call.ancestors(ASTTryStatement.class).any(t -> t.getResources() != null
                && t.getResources().children(ASTResource.class).any(r -> closer.equals(r.getStableName())));
    }

    /** A local closed in a finally block, returned, or stored in a field: whoever holds it last closes it. */
    private boolean owned(String local) {
        return closedInFinally.contains(local) || handedOnLocals.contains(local);
    }

    /**
     * The call itself, or the outermost closeable JDK object created around it
     * ({@code new BufferedReader(new InputStreamReader(new FileInputStream(f)))}): closing that closes what it wraps.
     */
    private static JavaNode outermostWrapper(JavaNode node) {
        JavaNode current = node;
        while (current.getParent() instanceof ASTArgumentList && current.getParent().getParent() instanceof ASTConstructorCall wrapper
                && typed(() -> TypeTestUtil.isA(AutoCloseable.class, wrapper), false)) {
            current = wrapper;
        }
        return current;
    }

    /** A field, written {@code this.f}, {@code other.f} or plainly {@code f}. */
    private static boolean isField(ASTExpression e) {
        return e instanceof ASTFieldAccess
                || e instanceof ASTVariableAccess v && typed(() -> v.getReferencedSym() instanceof JFieldSymbol, false);
    }

    /**
     * One fact from PMD's symbols and types, or {@code unknown} when PMD's inference fails on the code (on a few real
     * files it trips its own assertions): the model is built without that fact rather than not at all.
     */
    private static <T> T typed(Supplier<T> fact, T unknown) {
        try {
            return fact.get();
        } catch (RuntimeException | AssertionError e) {
            return unknown;
        }
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    /**
     * For a call into {@code java.lang}, {@code java.math}, {@code java.time} or {@code java.util} whose overload
     * PMD resolved: {@code parameters=} its erased parameter types ({@code new BigDecimal(BigInteger)} cannot throw
     * the NumberFormatException that {@code new BigDecimal(String)} throws). Empty otherwise.
     */
    private static List<String> jdkOverload(JavaNode node, String type) {
        // PMD's overload resolution is asked only where the written type already names such a package: it is the
        // costly part of type inference, and the model is built for every call of every file
        if (type == null || type.lastIndexOf('.') < 0 || !JDK_OVERLOAD_PACKAGES.contains(type.substring(0, type.lastIndexOf('.')))) {
            return List.of();
        }
        return typed(() -> resolvedJdkOverload(node), List.of());
    }

    private static List<String> resolvedJdkOverload(JavaNode node) {
        if (!(node instanceof InvocationNode call) || call.getOverloadSelectionInfo().isFailed()) {
            return List.of();
        }
        JMethodSig sig = call.getMethodType();
        if (!(sig.getDeclaringType().getErasure() instanceof JClassType owner) || owner.getSymbol().isUnresolved()
                || !JDK_OVERLOAD_PACKAGES.contains(owner.getSymbol().getPackageName())) {
            return List.of();
        }
        return List.of("parameters=" + String.join(",", sig.getFormalParameters().stream()
                .map(t -> t.getErasure().toString()).toList()));
    }

    /** The type of an expression used as a receiver, when declarations and imports tell it. */
    private String typeOf(ASTExpression scope) {
        String simple = simpleName(scope);
        if (simple != null) {
            String declared = variables.get(simple);
            if (declared != null) {
                return names.resolve(declared);
            }
            return Character.isUpperCase(simple.charAt(0)) ? names.resolve(simple) : null;
        }
        if (scope instanceof ASTFieldAccess f && f.getQualifier() instanceof ASTThisExpression) {
            String declared = variables.get(f.getName());
            return declared == null ? null : names.resolve(declared);
        }
        if (scope instanceof ASTFieldAccess || scope instanceof ASTAmbiguousName || scope instanceof ASTTypeExpression) {
            String text = text(scope);
            return text.chars().allMatch(c -> Character.isJavaIdentifierPart(c) || c == '.') ? names.resolve(text) : null;
        }
        if (scope instanceof ASTConstructorCall o) {
            return names.resolve(typeText(o.getTypeNode()));
        }
        if (scope instanceof ASTMethodCall m) {
            String receiver = m.getQualifier() == null ? null : typeOf(m.getQualifier());
            if (receiver == null) {
                return null;
            }
            String key = receiver + "." + m.getMethodName();
            if (key.startsWith("java.util.concurrent.Executors.new")) {
                return "java.util.concurrent.ExecutorService";
            }
            return RETURNS.get(key);
        }
        return null;
    }

    private void comparison(ASTInfixExpression b) {
        String operator = switch (b.getOperator()) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
            default -> null;
        };
        if (operator == null) {
            return;
        }
        String left = compared(b.getLeftOperand());
        Long right = literal(b.getRightOperand());
        if (left != null && right != null) {
            comparisons.add(new Comparison(left, operator, right, line(b)));
            return;
        }
        String rightName = compared(b.getRightOperand());
        Long leftValue = literal(b.getLeftOperand());
        if (rightName != null && leftValue != null) {
            comparisons.add(new Comparison(rightName, flip(operator), leftValue, line(b)));
        }
    }

    /** A name, {@code this.name}, or {@code name.length} / {@code name.length()} / {@code name.size()}. */
    private static String compared(ASTExpression e) {
        String simple = simpleName(e);
        if (simple != null) {
            return simple;
        }
        if (e instanceof ASTFieldAccess f && f.getQualifier() instanceof ASTThisExpression) {
            return f.getName();
        }
        if (e instanceof ASTFieldAccess f && f.getName().equals("length") && simpleName(f.getQualifier()) != null) {
            return simpleName(f.getQualifier()) + ".length";
        }
        if (e instanceof ASTAmbiguousName a && a.getName().matches("[\\w$]+\\.length")) {
            return a.getName();
        }
        if (e instanceof ASTMethodCall m && m.getArguments().isEmpty() && simpleName(m.getQualifier()) != null
                && (m.getMethodName().equals("length") || m.getMethodName().equals("size"))) {
            return simpleName(m.getQualifier()) + "." + m.getMethodName() + "()";
        }
        return null;
    }

    private static Long literal(ASTExpression e) {
        if (e instanceof ASTNumericLiteral n && n.isIntegral()) {
            return n.getValueAsLong();
        }
        if (e instanceof ASTUnaryExpression u && u.getOperator() == UnaryOp.UNARY_MINUS) {
            Long inner = literal(u.getOperand());
            return inner == null ? null : -inner;
        }
        return null;
    }

    private static String flip(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    private void throwSite(ASTThrowStatement t) {
        boolean inCatch = t.ancestors(ASTCatchClause.class).any(c -> c.ancestors().any(a -> a == method));
        String type = null;
        String message = null;
        if (t.getExpr() instanceof ASTConstructorCall o) {
            type = typeText(o.getTypeNode());
            if (!o.getArguments().isEmpty()) {
                ASTExpression first = o.getArguments().get(0);
                if (first instanceof ASTStringLiteral s && !s.isTextBlock()) {
                    message = unquoted(s);
                } else if (first instanceof ASTInfixExpression b && b.getLeftOperand() instanceof ASTStringLiteral s
                        && !s.isTextBlock()) {
                    message = unquoted(s) + "…";
                }
            }
        }
        throwSites.add(new ThrowSite(type, message, line(t), inCatch, header(text(t)), caughtBy(t)));
    }

    /** The literal as written between its quotes (escapes kept). */
    private static String unquoted(ASTStringLiteral s) {
        String literal = s.getLiteralText().toString();
        return literal.substring(1, literal.length() - 1);
    }

    private void catchSite(ASTCatchClause c) {
        List<String> types = caughtTypes(c);
        String caught = c.getParameter().getName();
        ASTBlock body = c.getBody();
        boolean onlyLogs = body.getNumChildren() > 0 && body.children().toStream().allMatch(MethodScanner::isLogging);
        List<ASTThrowStatement> thrown = findAll(body, ASTThrowStatement.class);
        boolean lostCause = thrown.stream().anyMatch(t -> t.getExpr() instanceof ASTConstructorCall o
                && namesIn(o).stream().noneMatch(caught::equals))
                && findAll(body, ASTMethodCall.class).stream().noneMatch(m -> m.getMethodName().equals("initCause")
                || m.getMethodName().equals("addSuppressed"));
        boolean empty = body.getNumChildren() == 0;
        boolean deliberate = DELIBERATELY_CAUGHT.matcher(caught).matches() || empty && body.containsComment();
        catches.add(new CatchSite(types, line(c), empty, onlyLogs, !thrown.isEmpty(), handsOn(body, caught), lostCause,
                deliberate, onlyCleansUp(c), false, header(text(c.getParameter()))));
    }

    /**
     * The try block only closes or deletes something: {@code try { in.close(); } catch (IOException e) { }},
     * {@code Files.deleteIfExists(temp)}.
     */
    private static boolean onlyCleansUp(ASTCatchClause c) {
        return c.getParent() instanceof ASTTryStatement t && t.getBody().getNumChildren() > 0
                && t.getBody().children().toStream().allMatch(s -> s instanceof ASTExpressionStatement e
                && e.getExpr() instanceof ASTMethodCall call && CLEANUP_METHODS.contains(call.getMethodName()));
    }

    /** The block passes the caught exception itself to a call other than a log line (a future's setException). */
    private static boolean handsOn(ASTBlock body, String caught) {
        return Stream.<InvocationNode>concat(findAll(body, ASTMethodCall.class).stream().filter(m -> !isLoggingCall(m)),
                        findAll(body, ASTConstructorCall.class).stream())
                .anyMatch(call -> call.getArguments().toStream().any(a -> a instanceof ASTVariableAccess v && v.getName().equals(caught)));
    }

    private static boolean isLogging(Node statement) {
        return statement instanceof ASTExpressionStatement e && e.getExpr() instanceof ASTMethodCall m && isLoggingCall(m);
    }

    /** {@code e.printStackTrace()}, {@code log.warn(..)}, {@code Logger.getLogger(..).log(..)}. */
    private static boolean isLoggingCall(ASTMethodCall m) {
        return m.getMethodName().equals("printStackTrace") || m.getQualifier() != null
                && (LOGGER_NAMES.contains(text(m.getQualifier()))
                || m.getQualifier() instanceof ASTMethodCall logger && logger.getMethodName().equals("getLogger"));
    }

    /** A bare name: a variable, or a name PMD could not tell (no classpath) that has no dot. */
    private static String simpleName(Node e) {
        if (e instanceof ASTVariableAccess v) {
            return v.getName();
        }
        if (e instanceof ASTAmbiguousName a && a.getName().indexOf('.') < 0) {
            return a.getName();
        }
        return null;
    }

    /** The bare names used in an expression, itself included; the receiver of a method reference is not counted. */
    private static List<String> namesIn(Node expression) {
        List<String> found = new ArrayList<>();
        for (Node n : findAll(expression, Node.class)) {
            String name = simpleName(n);
            if (name != null && !(n.getParent() instanceof ASTMethodReference)) {
                found.add(name);
            }
        }
        return found;
    }

    /** The node and all nodes under it, lambdas and nested classes included. */
    static <T extends Node> List<T> findAll(Node root, Class<T> type) {
        return root.descendantsOrSelf().crossFindBoundaries().filterIs(type).toList();
    }

    /**
     * The node's source text from its tokens: comments left out, one space where the source has any whitespace,
     * none before a {@code .}, {@code )}, {@code ]} or {@code ,} or after a {@code .}, {@code (} or {@code [}, so
     * a call chain split over lines reads {@code a.b().c()}.
     */
    static String text(JavaNode node) {
        StringBuilder text = new StringBuilder();
        JavaccToken last = node.getLastToken();
        JavaccToken previous = null;
        JavaccToken first = firstCodeToken(node);
        for (JavaccToken token = first == null ? node.getFirstToken() : first; token != null && !token.isEof(); token = token.next) {
            String image = token.getImage();
            if (notCode(token)) {
                if (token == last) {
                    break;
                }
                continue;
            }
            if (previous != null && token.getRegion().getStartOffset() > previous.getRegion().getEndOffset()
                    && !TIGHT_BEFORE.contains(image) && !TIGHT_AFTER.contains(previous.getImage())) {
                text.append(' ');
            }
            text.append(image);
            if (token == last) {
                break;
            }
            previous = token;
        }
        return text.toString();
    }

    /** A type as written, type arguments without spaces: {@code Map<String,Integer>}. */
    static String typeText(JavaNode type) {
        return text(type).replace(", ", ",");
    }

    /** A comment, whitespace or an implicit token: the chain of a declaration's tokens starts at its javadoc. */
    static boolean notCode(JavaccToken token) {
        String image = token.getImage();
        return token.isImplicit() || image.isBlank() || image.startsWith("/*") || image.startsWith("//");
    }

    /** The line of the node's first code token: a declaration's javadoc is not part of it. */
    static int line(JavaNode node) {
        JavaccToken token = firstCodeToken(node);
        return (token == null ? node.getFirstToken() : token).getReportLocation().getStartLine();
    }

    /** PMD starts a declaration's tokens at its javadoc, whose chain of comments and whitespace ends apart. */
    static JavaccToken firstCodeToken(JavaNode node) {
        if (!notCode(node.getFirstToken())) {
            return node.getFirstToken();
        }
        for (JavaNode child : node.children()) {
            JavaccToken token = firstCodeToken(child);
            if (token != null) {
                return token;
            }
        }
        return null;
    }

    static int endLine(JavaNode node) {
        return node.getLastToken().getReportLocation().getEndLine();
    }

    static String header(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }

    List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    List<Loop> loops() {
        return List.copyOf(loops);
    }

    List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    List<ThrowSite> throwSites() {
        return List.copyOf(throwSites);
    }

    List<CatchSite> catches() {
        return List.copyOf(catches);
    }

    List<String> casts() {
        return List.copyOf(casts);
    }

    List<Integer> castLines() {
        return List.copyOf(castLines);
    }

    List<String> castOperands() {
        return List.copyOf(castOperands);
    }

    /**
     * A cast that can throw ClassCastException where it stands. Not one to {@code Object}, to a type variable or an
     * array of one (erased: unchecked, it cannot fail here), of {@code x.clone()} (same type by contract), or of an
     * operand the method tests with {@code instanceof}.
     */
    private boolean canFailHere(ASTCastExpression cast) {
        String type = typeText(cast.getCastType());
        String element = type.replace("[]", "").strip();
        if (type.equals("Object") || type.equals("java.lang.Object") || typeVariablesInScope().contains(element)) {
            return false;
        }
        ASTExpression operand = cast.getOperand();
        if (operand instanceof ASTMethodCall call && call.getMethodName().equals("clone") && call.getArguments().isEmpty()) {
            return false;
        }
        if (widens(operand, cast) || sameWrittenClass(operand, cast)) {
            return false;
        }
        return !checkedFirst(text(operand));
    }

    /**
     * The method tests the operand's class: {@code instanceof}, {@code isInstance}, a method of its own class that
     * tests its parameter so (Guava's {@code EnumMultiset.count}: {@code if (!isActuallyE(element)) return 0;} before
     * {@code (Enum<?>) element}), or reads {@code operand.getClass()} to dispatch on it (an equals method's {@code
     * getClass() != o.getClass()}, commons-lang3's {@code ArrayUtils.toPrimitive(Object)} choosing the cast by the
     * array's component type).
     */
    private boolean checkedFirst(String operand) {
        return testsClassOf(method, operand) || findAll(method, ASTMethodCall.class).stream().anyMatch(call ->
                isGetClassOf(call, operand) || call.getArguments().size() == 1 && text(call.getArguments().get(0)).equals(operand)
                        && (call.getMethodName().equals("isInstance") || isOwnClassTest(call)));
    }

    private static boolean testsClassOf(JavaNode scope, String operand) {
        return findAll(scope, ASTInfixExpression.class).stream().anyMatch(test -> switch (test.getOperator()) {
            case INSTANCEOF -> text(test.getLeftOperand()).equals(operand);
            case EQ, NE -> isGetClassOf(test.getLeftOperand(), operand) || isGetClassOf(test.getRightOperand(), operand);
            default -> false;
        });
    }

    /** A call, on this object or its class, of a one-parameter method declared beside this one that tests its parameter's class. */
    private boolean isOwnClassTest(ASTMethodCall call) {
        if (call.getQualifier() != null && !(call.getQualifier() instanceof ASTThisExpression) || method.getEnclosingType() == null) {
            return false;
        }
        return method.getEnclosingType().getDeclarations(ASTMethodDeclaration.class).toStream()
                .filter(m -> m.getName().equals(call.getMethodName()) && m.getArity() == 1 && m.getBody() != null)
                .anyMatch(m -> testsClassOf(m.getBody(), m.getFormalParameters().get(0).getVarId().getName()));
    }

    /** {@code o.getClass()}: an equals method's {@code getClass() != o.getClass()} guards its cast of {@code o}. */
    private static boolean isGetClassOf(ASTExpression e, String operandText) {
        return e instanceof ASTMethodCall call && call.getMethodName().equals("getClass") && call.getArguments().isEmpty()
                && call.getQualifier() != null && text(call.getQualifier()).equals(operandText);
    }

    /**
     * {@code (Appendable) builder} of a StringBuilder, {@code (Entry<K, V>[]) entries} of an
     * {@code Entry<? extends K, ? extends V>[]}: the operand's class is already the cast's (both resolved, so JDK
     * types and the file's own; compared erased, as the runtime check is).
     */
    private static boolean widens(ASTExpression operand, ASTCastExpression cast) {
        return typed(() -> resolvedWidening(operand, cast), false);
    }

    /**
     * The operand is a variable of this file (local, parameter or field) declared with the cast's class and array
     * dimensions, other type arguments aside: {@code (Entry<K, V>[]) entries} of {@code Entry<? extends K, ? extends
     * V>... entries}, {@code (Holder<T>) INSTANCE} of a {@code Holder<?>} field. The cast changes only what the
     * compiler knows; the runtime check, erased, cannot fail. This holds where PMD cannot resolve the class (a name
     * that may be a member type of a project superclass PMD does not see): one name in one file is one class. So does
     * a final field created as the cast's class, or as a class of this file declared to extend or implement it, and an
     * enum constant of an enum of this file declared so: what the variable holds is known.
     */
    private static boolean sameWrittenClass(ASTExpression operand, ASTCastExpression cast) {
        if (!(operand instanceof ASTVariableAccess || operand instanceof ASTFieldAccess)) {
            return false;
        }
        ASTVariableId declared = typed(() -> {
            JVariableSymbol symbol = ((ASTNamedReferenceExpr) operand).getReferencedSym();
            return symbol == null ? null : symbol.tryGetNode();
        }, null);
        if (declared == null) {
            return false;
        }
        String castType = typeText(cast.getCastType());
        String castClass = writtenClass(castType);
        if (declared.getParent() instanceof ASTEnumConstant constant) {
            // Guava's (Function<E, E>) IdentityFunction.INSTANCE of an enum declared to implement Function
            return arrayDimensions(castType) == 0 && isOrExtendsInFile(constant.getEnclosingType().getSimpleName(), castClass, declared);
        }
        if (declared.isFinal() && declared.getInitializer() instanceof ASTConstructorCall created && arrayDimensions(castType) == 0
                && isOrExtendsInFile(writtenClass(typeText(created.getTypeNode())), castClass, declared)) {
            // Guava's (IdentityConverter<T>) IdentityConverter.INSTANCE of a final Converter<?, ?> created as one
            return true;
        }
        if (declared.getTypeNode() == null) {
            return false;
        }
        String type = typeText(declared.getTypeNode());
        int dimensions = arrayDimensions(type) + (declared.getExtraDimensions() == null ? 0 : declared.getExtraDimensions().size())
                + (declared.getParent() instanceof ASTFormalParameter p && p.isVarargs() ? 1 : 0);
        return dimensions == arrayDimensions(castType) && writtenClass(type).equals(castClass);
    }

    /** {@code known} is {@code target}, or a type of this file declared to extend or implement {@code target}. */
    private static boolean isOrExtendsInFile(String known, String target, JavaNode inFile) {
        return known.equals(target) || inFile.getRoot().descendants(ASTTypeDeclaration.class).crossFindBoundaries()
                .any(t -> t.getSimpleName().equals(known) && (t.getSuperClassTypeNode() != null
                        && t.getSuperClassTypeNode().getSimpleName().equals(target)
                        || t.getSuperInterfaceTypeNodes().any(i -> i.getSimpleName().equals(target))));
    }

    private static int arrayDimensions(String typeText) {
        return (typeText.length() - typeText.replace("[]", "").length()) / 2;
    }

    /** {@code java.util.Map.Entry<K, V>[]} to {@code Entry}: the class as its last name gives it. */
    private static String writtenClass(String typeText) {
        String name = typeText.replaceAll("<.*>", "").replace("[]", "").replace("...", "").strip();
        name = name.substring(name.lastIndexOf(' ') + 1);
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static boolean resolvedWidening(ASTExpression operand, ASTCastExpression cast) {
        JTypeMirror from = operand.getTypeMirror().getErasure();
        JTypeMirror to = cast.getCastType().getTypeMirror().getErasure();
        return resolved(from) && resolved(to) && from.isSubtypeOf(to);
    }

    /** A class PMD found, or an array of such classes or of primitives. */
    private static boolean resolved(JTypeMirror type) {
        if (type instanceof JArrayType array) {
            return array.getElementType().isPrimitive() || resolved(array.getElementType());
        }
        return type instanceof JClassType c && !c.getSymbol().isUnresolved();
    }

    private Set<String> typeVariables;

    /** The type parameters of the method and of every type around it, by name. */
    private Set<String> typeVariablesInScope() {
        if (typeVariables == null) {
            typeVariables = new TreeSet<>();
            Stream.concat(Stream.of(method), method.ancestors().toStream())
                    .flatMap(n -> n.children(ASTTypeParameters.class).toStream())
                    .flatMap(list -> list.children(ASTTypeParameter.class).toStream())
                    .forEach(parameter -> typeVariables.add(parameter.getName()));
        }
        return typeVariables;
    }

    List<Integer> nullReturns() {
        return List.copyOf(nullReturns);
    }

    List<String> closedParams() {
        return List.copyOf(closedParams);
    }

    List<String> strings() {
        return List.copyOf(strings);
    }

    int cyclomatic() {
        return 1 + decisions;
    }
}
