package org.duban.common.graphql;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/** The limits a parsed document is checked against before it runs. */
final class DocumentLimits {

    private DocumentLimits() {
    }

    /** Why the document asks too much, or null. */
    static String exceeded(Document document, GraphQLLimits limits) {
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
        return null;
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
