package org.duban.common.graphql;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/** The limits a parsed document is checked against before it runs. */
final class DocumentLimits {

    private DocumentLimits() {
    }

    /** Why the document asks too much, or null. */
    static String exceeded(Document document, GraphQLLimits limits, int maxDepth, int maxComplexity) {
        int operations = 0;
        int aliases = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                operations++;
                aliases += aliases(operation.getSelectionSet());
            } else if (definition instanceof FragmentDefinition fragment) {
                aliases += aliases(fragment.getSelectionSet());
            }
        }
        if (operations > limits.maxOperations()) {
            return "A document may hold at most " + limits.maxOperations() + " operations; this one has " + operations;
        }
        if (aliases > limits.maxAliases()) {
            return "A document may use at most " + limits.maxAliases() + " aliases; this one uses " + aliases;
        }
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(fragment -> fragments.put(fragment.getName(), fragment));
        Size size = new Size(fragments, maxComplexity);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            size.measure(operation.getSelectionSet(), 0, new HashSet<>());
            if (size.cyclic != null) {
                return "The fragment " + size.cyclic + " spreads itself";
            }
            if (size.depth > maxDepth) {
                return "maximum query depth exceeded " + size.depth + " > " + maxDepth;
            }
            if (size.fields > maxComplexity) {
                return "maximum query complexity exceeded " + size.fields + " > " + maxComplexity;
            }
        }
        return null;
    }

    /** Fields and depth of selections with their fragments spread; stops counting once past the complexity. */
    private static final class Size {
        private final Map<String, FragmentDefinition> fragments;
        private final int enough;
        int fields;
        int depth;
        String cyclic;

        Size(Map<String, FragmentDefinition> fragments, int maxComplexity) {
            this.fragments = fragments;
            this.enough = maxComplexity;
        }

        void measure(SelectionSet selections, int level, Set<String> spreading) {
            if (selections == null || fields > enough || cyclic != null) {
                return;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    if (field.getName().startsWith("__")) {
                        continue; // introspection (GraphiQL's); off in production
                    }
                    fields++;
                    depth = Math.max(depth, level + 1);
                    measure(field.getSelectionSet(), level + 1, spreading);
                } else if (selection instanceof InlineFragment inline) {
                    measure(inline.getSelectionSet(), level, spreading);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment == null) {
                        continue; // graphql-java's validation names it
                    }
                    if (!spreading.add(spread.getName())) {
                        cyclic = spread.getName();
                        return;
                    }
                    measure(fragment.getSelectionSet(), level, spreading);
                    spreading.remove(spread.getName());
                }
                if (fields > enough || cyclic != null) {
                    return;
                }
            }
        }
    }

    private static int aliases(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() == null ? 0 : 1) + aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment fragment) {
                count += aliases(fragment.getSelectionSet());
            }
        }
        return count;
    }
}
