package io.realtimeblog.posts.editing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PostRevisionRepository extends JpaRepository<PostRevision, UUID> {

    List<PostRevision> findByPostIdOrderByPostVersionDesc(UUID postId);

    Optional<PostRevision> findByIdAndPostId(UUID id, UUID postId);

    /** The post's latest revision (an autosave may fold into it). */
    Optional<PostRevision> findFirstByPostIdOrderByPostVersionDesc(UUID postId);
}
