package dev.autocoder.workers.javamodel;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks one method body once and records what the planner needs: calls with their receiver types, loops,
 * comparisons with numeric literals, throws, catches, casts and null returns. Receiver types come from the
 * declared types of parameters, locals and fields and from the file's imports (no classpath, no inference).
 */
final class MethodScanner {

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

    private final CallableDeclaration<?> method;
    private final TypeNames names;
    private final Map<String, String> variables = new HashMap<>();
    private final Set<String> params = new LinkedHashSet<>();
    private final Map<String, Set<String>> reachedParams = new HashMap<>();

    private final List<Invocation> invocations = new ArrayList<>();
    private final List<Loop> loops = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<ThrowSite> throwSites = new ArrayList<>();
    private final List<CatchSite> catches = new ArrayList<>();
    private final List<String> casts = new ArrayList<>();
    private final List<Integer> castLines = new ArrayList<>();
    private final List<Integer> nullReturns = new ArrayList<>();
    private final List<String> strings = new ArrayList<>();
    private final Set<String> closedInFinally = new TreeSet<>();
    private final Set<String> closedParams = new TreeSet<>();
    /** The call or creation node of each recorded invocation, to follow where a created object goes. */
    private final Map<Node, Integer> invocationIndex = new IdentityHashMap<>();
    private final List<Node> invocationNodes = new ArrayList<>();
    private int decisions;

    MethodScanner(CallableDeclaration<?> method, TypeNames names, Map<String, String> fields) {
        this.method = method;
        this.names = names;
        variables.putAll(fields);
        for (Parameter p : method.getParameters()) {
            variables.put(p.getNameAsString(), p.getTypeAsString());
            params.add(p.getNameAsString());
            reachedParams.put(p.getNameAsString(), Set.of(p.getNameAsString()));
        }
    }

    MethodScanner scan() {
        for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
            String type = v.getTypeAsString();
            if (type.equals("var")) {
                type = v.getInitializer().map(this::typeOf).orElse(null);
            }
            if (type != null) {
                variables.put(v.getNameAsString(), type);
            }
        }
        // two passes: a local assigned from a local assigned from a parameter is reached too
        for (int pass = 0; pass < 2; pass++) {
            for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
                v.getInitializer().ifPresent(init -> spread(v.getNameAsString(), init));
            }
            for (AssignExpr a : method.findAll(AssignExpr.class)) {
                if (a.getTarget().isNameExpr()) {
                    spread(a.getTarget().asNameExpr().getNameAsString(), a.getValue());
                }
            }
        }
        for (TryStmt t : method.findAll(TryStmt.class)) {
            t.getFinallyBlock().ifPresent(block -> block.findAll(MethodCallExpr.class).stream()
                    .filter(c -> c.getNameAsString().equals("close") && c.getScope().map(Expression::isNameExpr).orElse(false))
                    .forEach(c -> closedInFinally.add(c.getScope().get().asNameExpr().getNameAsString())));
        }
        findClosedParams();
        method.getChildNodes().forEach(child -> visit(child, 0, -1));
        handoffs();
        return this;
    }

    /**
     * Parameters the method closes: a try-with-resources resource that is the parameter or a wrapper created
     * around it ({@code try (BufferedReader b = new BufferedReader(reader))}), or a {@code param.close()} call.
     */
    private void findClosedParams() {
        for (TryStmt t : method.findAll(TryStmt.class)) {
            for (Expression resource : t.getResources()) {
                if (resource instanceof NameExpr n && params.contains(n.getNameAsString())) {
                    closedParams.add(n.getNameAsString());
                }
                for (ObjectCreationExpr wrapper : resource.findAll(ObjectCreationExpr.class)) {
                    wrapper.getArguments().stream().filter(Expression::isNameExpr).map(a -> a.asNameExpr().getNameAsString())
                            .filter(params::contains).forEach(closedParams::add);
                }
            }
        }
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().equals("close") && call.getArguments().isEmpty()
                    && call.getScope().filter(Expression::isNameExpr).map(s -> params.contains(s.asNameExpr().getNameAsString())).orElse(false)) {
                closedParams.add(call.getScope().get().asNameExpr().getNameAsString());
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
        Node parent = value.getParentNode().orElse(null);
        String local = null;
        if (parent instanceof MethodCallExpr || parent instanceof ObjectCreationExpr) {
            argumentOf(parent, value, out, depth);
        } else if (parent instanceof VariableDeclarator v) {
            local = v.getNameAsString();
        } else if (parent instanceof AssignExpr a && a.getTarget().isNameExpr() && a.getValue() == value) {
            local = a.getTarget().asNameExpr().getNameAsString();
        }
        if (local != null) {
            for (NameExpr use : method.findAll(NameExpr.class)) {
                if (use.getNameAsString().equals(local)) {
                    use.getParentNode().ifPresent(p -> argumentOf(p, use, out, depth));
                }
            }
        }
    }

    /** Records the argument position when value is an argument of call; follows a wrapper created around it. */
    private void argumentOf(Node call, Node value, List<String> out, int depth) {
        List<Expression> args = call instanceof MethodCallExpr m ? m.getArguments()
                : call instanceof ObjectCreationExpr o ? o.getArguments() : List.of();
        for (int position = 0; position < args.size(); position++) {
            if (args.get(position) == value) {
                Integer index = invocationIndex.get(call);
                if (index != null) {
                    out.add(index + ":" + position);
                }
                if (call instanceof ObjectCreationExpr) {
                    receivers(call, out, depth + 1);
                }
            }
        }
    }

    /** The types caught by the try statements whose try block or resources enclose the node, innermost first. */
    private List<String> caughtBy(Node node) {
        List<String> caught = new ArrayList<>();
        Node child = node;
        Node parent = node.getParentNode().orElse(null);
        while (parent != null && parent != method) {
            if (parent instanceof TryStmt t) {
                Node inner = child;
                if (t.getTryBlock() == inner || t.getResources().stream().anyMatch(r -> r == inner)) {
                    for (CatchClause c : t.getCatchClauses()) {
                        caught.addAll(caughtTypes(c));
                    }
                }
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        return caught;
    }

    private static List<String> caughtTypes(CatchClause c) {
        return c.getParameter().getType().isUnionType()
                ? c.getParameter().getType().asUnionType().getElements().stream().map(Object::toString).toList()
                : List.of(c.getParameter().getTypeAsString());
    }

    private void spread(String local, Expression value) {
        Set<String> reached = new TreeSet<>(reachedParams.getOrDefault(local, Set.of()));
        for (NameExpr name : value.findAll(NameExpr.class)) {
            reached.addAll(reachedParams.getOrDefault(name.getNameAsString(), Set.of()));
        }
        if (value.isNameExpr()) {
            reached.addAll(reachedParams.getOrDefault(value.asNameExpr().getNameAsString(), Set.of()));
        }
        if (!reached.isEmpty()) {
            reachedParams.put(local, reached);
        }
    }

    /**
     * @param collectionLoop index of the innermost enclosing loop over a collection, array or stream; -1 for none
     */
    private void visit(Node node, int loopDepth, int collectionLoop) {
        int depth = loopDepth;
        int overLoop = collectionLoop;
        if (node instanceof ForStmt f) {
            depth++;
            decisions++;
            String bound = f.getCompare().map(c -> sizeBound(c.toString())).orElse(null);
            overLoop = loop(new Loop("for", line(node), depth, bound != null, header(f.getInitialization() + "; "
                    + f.getCompare().map(Object::toString).orElse("")), bound == null ? null : "index of `" + bound + "`"), overLoop);
        } else if (node instanceof ForEachStmt f) {
            depth++;
            decisions++;
            overLoop = loop(new Loop("for-each", line(node), depth, true, header(f.getVariable() + " : " + f.getIterable()),
                    "element of `" + header(f.getIterable().toString()) + "`"), overLoop);
        } else if (node instanceof WhileStmt w) {
            depth++;
            decisions++;
            String iterator = iterator(w.getCondition());
            overLoop = loop(new Loop("while", line(node), depth, iterator != null, header(w.getCondition().toString()),
                    iterator == null ? null : "element of iterator `" + iterator + "`"), overLoop);
        } else if (node instanceof DoStmt d) {
            depth++;
            decisions++;
            String iterator = iterator(d.getCondition());
            overLoop = loop(new Loop("do", line(node), depth, iterator != null, header(d.getCondition().toString()),
                    iterator == null ? null : "element of iterator `" + iterator + "`"), overLoop);
        } else if (node instanceof IfStmt || node instanceof ConditionalExpr || node instanceof CatchClause) {
            decisions++;
        } else if (node instanceof SwitchEntry s && !s.getLabels().isEmpty()) {
            decisions += s.getLabels().size();
        } else if (node instanceof BinaryExpr b) {
            if (b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR) {
                decisions++;
            }
            comparison(b);
        } else if (node instanceof CastExpr c) {
            casts.add(c.getTypeAsString());
            castLines.add(line(node));
        } else if (node instanceof ReturnStmt r && r.getExpression().map(e -> e instanceof NullLiteralExpr).orElse(false)) {
            nullReturns.add(line(node));
        } else if (node instanceof StringLiteralExpr s) {
            strings.add(s.getValue());
        } else if (node instanceof ThrowStmt t) {
            throwSite(t);
        }
        if (node instanceof CatchClause c) {
            catchSite(c);
        }
        if (node instanceof ObjectCreationExpr o) {
            record(o, invocation(o, true, names.resolve(o.getTypeAsString()), "<init>", o.getArguments(), depth, overLoop, false));
        } else if (node instanceof MethodCallExpr m) {
            String receiver = m.getScope().map(this::typeOf).orElse(null);
            boolean implicit = m.getScope().map(s -> s instanceof ThisExpr).orElse(true);
            record(m, invocation(m, false, receiver, m.getNameAsString(), m.getArguments(), depth, overLoop, implicit));
            String over = streamed(m);
            if (over != null) {
                int index = loop(new Loop("stream", line(node), depth + 1, true, header(m.getScope().get() + "." + m.getNameAsString() + "(..)"),
                        over), overLoop);
                for (Node child : m.getChildNodes()) {
                    boolean body = child instanceof LambdaExpr;
                    visit(child, body ? depth + 1 : depth, body ? index : overLoop);
                }
                return;
            }
        }
        for (Node child : node.getChildNodes()) {
            visit(child, depth, overLoop);
        }
    }

    private int loop(Loop loop, int enclosing) {
        loops.add(loop);
        return loop.overCollection() ? loops.size() - 1 : enclosing;
    }

    private void record(Node node, Invocation call) {
        invocationIndex.put(node, invocations.size());
        invocationNodes.add(node);
        invocations.add(call);
    }

    private static final Set<String> STREAM_STEPS = Set.of("forEach", "forEachOrdered", "map", "flatMap", "filter", "peek",
            "mapToInt", "mapToLong", "mapToDouble", "mapToObj", "anyMatch", "allMatch", "noneMatch", "takeWhile", "dropWhile");

    /**
     * What a stream step with a lambda walks ("element of `files`"), or null when the call is not one: any
     * {@code forEach} (of a collection, map or stream), and {@code map}, {@code filter}... on a chain that starts at
     * {@code x.stream()}, {@code Arrays.stream(x)}, {@code Stream.of(..)} or a {@code Files.lines/list/walk}.
     */
    private static String streamed(MethodCallExpr m) {
        if (!STREAM_STEPS.contains(m.getNameAsString()) || m.getScope().isEmpty()
                || m.getArguments().stream().noneMatch(a -> a.isLambdaExpr() || a.isMethodReferenceExpr())) {
            return null;
        }
        Expression scope = m.getScope().get();
        while (scope instanceof MethodCallExpr inner) {
            String name = inner.getNameAsString();
            if ((name.equals("stream") || name.equals("parallelStream")) && inner.getArguments().isEmpty() && inner.getScope().isPresent()) {
                return "element of `" + header(inner.getScope().get().toString()) + "`";
            }
            if ((name.equals("stream") || name.equals("of") || name.equals("lines") || name.equals("list") || name.equals("walk"))
                    && !inner.getArguments().isEmpty()) {
                return "element of `" + header(inner.toString()) + "`";
            }
            if (!STREAM_STEPS.contains(name) && !name.equals("sorted") && !name.equals("distinct") && !name.equals("limit")
                    && !name.equals("skip") && !name.equals("boxed")) {
                break;
            }
            scope = inner.getScope().orElse(null);
        }
        return m.getNameAsString().startsWith("forEach") ? "element of `" + header(m.getScope().get().toString()) + "`" : null;
    }

    /** {@code list} for {@code i < list.size()} or {@code i < array.length}; null for other bounds. */
    private static String sizeBound(String compare) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_$][\\w$.]*)\\.(size\\(\\)|length)").matcher(compare);
        return m.find() ? m.group(1) : null;
    }

    /** {@code it} for a loop condition {@code it.hasNext()} (or {@code hasMoreElements}); null otherwise. */
    private static String iterator(Expression condition) {
        if (condition instanceof MethodCallExpr c && c.getArguments().isEmpty() && c.getScope().isPresent()
                && (c.getNameAsString().equals("hasNext") || c.getNameAsString().equals("hasMoreElements"))) {
            return header(c.getScope().get().toString());
        }
        return null;
    }

    private Invocation invocation(Node node, boolean creation, String type, String name, List<Expression> args, int depth,
                                  int collectionLoop, boolean implicit) {
        Set<String> reached = new TreeSet<>();
        for (Expression arg : args) {
            if (arg.isNameExpr()) {
                reached.addAll(reachedParams.getOrDefault(arg.asNameExpr().getNameAsString(), Set.of()));
            }
            for (NameExpr n : arg.findAll(NameExpr.class)) {
                reached.addAll(reachedParams.getOrDefault(n.getNameAsString(), Set.of()));
            }
        }
        boolean inResources = node.findAncestor(TryStmt.class)
                .map(t -> t.getResources().stream().anyMatch(r -> r == node || r.isAncestorOf(node))).orElse(false);
        boolean closed = false;
        Node parent = node.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator v) {
            closed = closedInFinally.contains(v.getNameAsString());
        } else if (parent instanceof AssignExpr a && a.getTarget().isNameExpr()) {
            closed = closedInFinally.contains(a.getTarget().asNameExpr().getNameAsString());
        } else if (parent instanceof AssignExpr a && a.getTarget().isFieldAccessExpr()) {
            closed = true; // stored in a field: the object owns it
        } else if (parent instanceof ReturnStmt) {
            closed = true; // handed to the caller
        }
        return new Invocation(creation, type, name, line(node), depth, inResources, closed, List.copyOf(reached),
                header(node.toString()), implicit, args.size(), caughtBy(node), collectionLoop, List.of());
    }

    /** The type of an expression used as a receiver, when declarations and imports tell it. */
    private String typeOf(Expression scope) {
        if (scope instanceof NameExpr n) {
            String declared = variables.get(n.getNameAsString());
            if (declared != null) {
                return names.resolve(declared);
            }
            return Character.isUpperCase(n.getNameAsString().charAt(0)) ? names.resolve(n.getNameAsString()) : null;
        }
        if (scope instanceof FieldAccessExpr f) {
            if (f.getScope().isThisExpr()) {
                String declared = variables.get(f.getNameAsString());
                return declared == null ? null : names.resolve(declared);
            }
            String text = f.toString();
            return text.chars().allMatch(c -> Character.isJavaIdentifierPart(c) || c == '.') ? names.resolve(text) : null;
        }
        if (scope instanceof ObjectCreationExpr o) {
            return names.resolve(o.getTypeAsString());
        }
        if (scope instanceof MethodCallExpr m) {
            String receiver = m.getScope().map(this::typeOf).orElse(null);
            if (receiver == null) {
                return null;
            }
            String key = receiver + "." + m.getNameAsString();
            if (key.startsWith("java.util.concurrent.Executors.new")) {
                return "java.util.concurrent.ExecutorService";
            }
            return RETURNS.get(key);
        }
        if (scope.isEnclosedExpr()) {
            return typeOf(scope.asEnclosedExpr().getInner());
        }
        return null;
    }

    private void comparison(BinaryExpr b) {
        String operator = switch (b.getOperator()) {
            case LESS -> "<";
            case LESS_EQUALS -> "<=";
            case GREATER -> ">";
            case GREATER_EQUALS -> ">=";
            case EQUALS -> "==";
            case NOT_EQUALS -> "!=";
            default -> null;
        };
        if (operator == null) {
            return;
        }
        String left = compared(b.getLeft());
        Long right = literal(b.getRight());
        if (left != null && right != null) {
            comparisons.add(new Comparison(left, operator, right, line(b)));
            return;
        }
        String rightName = compared(b.getRight());
        Long leftValue = literal(b.getLeft());
        if (rightName != null && leftValue != null) {
            comparisons.add(new Comparison(rightName, flip(operator), leftValue, line(b)));
        }
    }

    /** A name, {@code this.name}, or {@code name.length()} / {@code name.size()}. */
    private static String compared(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f && f.getScope().isThisExpr()) {
            return f.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f && f.getNameAsString().equals("length") && f.getScope().isNameExpr()) {
            return f.getScope() + ".length";
        }
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().map(Expression::isNameExpr).orElse(false)
                && (m.getNameAsString().equals("length") || m.getNameAsString().equals("size"))) {
            return m.getScope().get() + "." + m.getNameAsString() + "()";
        }
        return null;
    }

    private static Long literal(Expression e) {
        try {
            if (e instanceof IntegerLiteralExpr i) {
                return i.asNumber().longValue();
            }
            if (e instanceof LongLiteralExpr l) {
                return l.asNumber().longValue();
            }
            if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
                Long inner = literal(u.getExpression());
                return inner == null ? null : -inner;
            }
        } catch (NumberFormatException ex) {
            return null;
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

    private void throwSite(ThrowStmt t) {
        boolean inCatch = t.findAncestor(CatchClause.class).filter(c -> method.isAncestorOf(c)).isPresent();
        String type = null;
        String message = null;
        if (t.getExpression() instanceof ObjectCreationExpr o) {
            type = o.getTypeAsString();
            if (!o.getArguments().isEmpty()) {
                Expression first = o.getArguments().get(0);
                if (first instanceof StringLiteralExpr s) {
                    message = s.getValue();
                } else if (first instanceof BinaryExpr b && b.getLeft() instanceof StringLiteralExpr s) {
                    message = s.getValue() + "…";
                }
            }
        }
        throwSites.add(new ThrowSite(type, message, line(t), inCatch, header(t.toString()), caughtBy(t)));
    }

    private void catchSite(CatchClause c) {
        List<String> types = caughtTypes(c);
        String caught = c.getParameter().getNameAsString();
        List<Statement> body = c.getBody().getStatements();
        boolean onlyLogs = !body.isEmpty() && body.stream().allMatch(MethodScanner::isLogging);
        List<ThrowStmt> thrown = c.getBody().findAll(ThrowStmt.class);
        boolean lostCause = thrown.stream().anyMatch(t -> t.getExpression() instanceof ObjectCreationExpr o
                && o.findAll(NameExpr.class).stream().noneMatch(n -> n.getNameAsString().equals(caught)))
                && c.getBody().findAll(MethodCallExpr.class).stream().noneMatch(m -> (m.getNameAsString().equals("initCause")
                || m.getNameAsString().equals("addSuppressed")));
        catches.add(new CatchSite(types, line(c), body.isEmpty(), onlyLogs, !thrown.isEmpty(), lostCause,
                header(c.getParameter().toString())));
    }

    private static boolean isLogging(Statement s) {
        if (!(s instanceof ExpressionStmt e) || !(e.getExpression() instanceof MethodCallExpr m)) {
            return false;
        }
        if (m.getNameAsString().equals("printStackTrace")) {
            return true;
        }
        return m.getScope().map(scope -> LOGGER_NAMES.contains(scope.toString())).orElse(false);
    }

    private static int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
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
