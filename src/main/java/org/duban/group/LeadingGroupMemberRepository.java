package org.duban.group;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadingGroupMemberRepository implements PanacheRepository<LeadingGroupMemberEntity> {

    public Uni<List<LeadingGroupMemberEntity>> ofGroup(long groupId) {
        return list("groupId = ?1 order by ordinal", groupId);
    }
}
