package fr.oref.devenir.stats;

import fr.oref.devenir.stats.LinearAudit.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The relations each count appears in. Both the choice of partners and the audit's small LPs walk from
 * a count to the counts it shares a relation with, level by level: this is the map they walk.
 */
final class RelationIndex {
  private final List<Relation> relations;
  private final Map<String, List<Integer>> byCount = new HashMap<>();

  RelationIndex(List<Relation> relations) {
    this.relations = relations;
    for (int i = 0; i < relations.size(); i++) {
      int index = i;
      relations.get(i).terms().keySet().forEach(k -> byCount.computeIfAbsent(k, x -> new ArrayList<>()).add(index));
    }
  }

  /** The positions in the list of the relations {@code key} appears in. */
  List<Integer> of(String key) {
    return byCount.getOrDefault(key, List.of());
  }

  Relation get(int position) {
    return relations.get(position);
  }

  /** Every count sharing a relation with one of {@code keys} (themselves included, repeated as often as met). */
  Stream<String> neighbours(Collection<String> keys) {
    return keys.stream().flatMap(k -> of(k).stream()).flatMap(r -> relations.get(r).terms().keySet().stream());
  }
}
