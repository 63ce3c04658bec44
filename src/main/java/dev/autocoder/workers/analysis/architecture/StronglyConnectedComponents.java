package dev.autocoder.workers.analysis.architecture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tarjan's strongly connected components algorithm, written iteratively with explicit stacks so a long chain
 * of thousands of packages cannot overflow the call stack.
 */
final class StronglyConnectedComponents {

    private StronglyConnectedComponents() {
    }

    /**
     * The components of a directed graph. Every node must be a key of {@code graph}; targets that are not keys
     * are ignored. Components come in reverse topological order (a component before the ones that depend on
     * it), members in the graph's key order.
     */
    static List<List<String>> of(Map<String, ? extends List<String>> graph) {
        List<String> nodes = new ArrayList<>(graph.keySet());
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            indexOf.put(nodes.get(i), i);
        }
        int[][] successors = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            successors[i] = graph.get(nodes.get(i)).stream()
                    .map(indexOf::get).filter(j -> j != null).mapToInt(Integer::intValue).toArray();
        }
        List<List<String>> components = new ArrayList<>();
        for (int[] component : of(successors)) {
            int[] sorted = component.clone();
            Arrays.sort(sorted);
            List<String> members = new ArrayList<>(sorted.length);
            for (int i : sorted) {
                members.add(nodes.get(i));
            }
            components.add(members);
        }
        return components;
    }

    /** The components of a graph given as successor lists of nodes 0..n-1. */
    static List<int[]> of(int[][] successors) {
        int n = successors.length;
        int[] index = new int[n];
        int[] lowLink = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] componentStack = new int[n];
        int componentTop = 0;
        // The explicit call stack: a node being visited and the position of its next successor.
        int[] callNode = new int[n];
        int[] callNextEdge = new int[n];
        int callTop = 0;
        int nextIndex = 0;
        List<int[]> components = new ArrayList<>();

        for (int start = 0; start < n; start++) {
            if (index[start] != -1) {
                continue;
            }
            index[start] = lowLink[start] = nextIndex++;
            componentStack[componentTop++] = start;
            onStack[start] = true;
            callNode[callTop] = start;
            callNextEdge[callTop++] = 0;

            while (callTop > 0) {
                int v = callNode[callTop - 1];
                if (callNextEdge[callTop - 1] < successors[v].length) {
                    int w = successors[v][callNextEdge[callTop - 1]++];
                    if (index[w] == -1) {
                        index[w] = lowLink[w] = nextIndex++;
                        componentStack[componentTop++] = w;
                        onStack[w] = true;
                        callNode[callTop] = w;
                        callNextEdge[callTop++] = 0;
                    } else if (onStack[w]) {
                        lowLink[v] = Math.min(lowLink[v], index[w]);
                    }
                    continue;
                }
                callTop--;
                if (lowLink[v] == index[v]) {
                    int size = 0;
                    while (componentStack[componentTop - 1 - size] != v) {
                        size++;
                    }
                    size++;
                    int[] component = Arrays.copyOfRange(componentStack, componentTop - size, componentTop);
                    componentTop -= size;
                    for (int member : component) {
                        onStack[member] = false;
                    }
                    components.add(component);
                }
                if (callTop > 0) {
                    int parent = callNode[callTop - 1];
                    lowLink[parent] = Math.min(lowLink[parent], lowLink[v]);
                }
            }
        }
        return components;
    }
}
