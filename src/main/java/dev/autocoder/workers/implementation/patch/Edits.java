package dev.autocoder.workers.implementation.patch;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;

/** Tree edits shared by the fixes, done the way the lexical-preserving printer prints them cleanly. */
final class Edits {

    private Edits() {
    }

    /**
     * Removes a node with the comment attached to it (the comment describes the removed code). The last statement
     * of a block is removed by replacing the block with an empty one, which the printer indents correctly.
     */
    static void remove(Node node) {
        node.getComment().ifPresent(Comment::remove);
        if (node instanceof Statement && node.getParentNode().orElse(null) instanceof BlockStmt block
                && block.getStatements().size() == 1 && block.getOrphanComments().isEmpty()) {
            block.replace(new BlockStmt());
        } else {
            node.remove();
        }
    }
}
