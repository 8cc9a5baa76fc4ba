from babelwire.stages.dedup import (
    DedupStage,
    NearDuplicateIndex,
    content_hash,
    shingles,
    signature,
)

TEXT = ("Heavy rain flooded the old town of Valencia on Tuesday night, and the regional "
        "government said twelve people had died. Rescue teams worked through the night "
        "to reach villages cut off by the river. The prime minister will visit on Thursday.")


def test_content_hash_ignores_case_spacing_and_punctuation():
    assert content_hash("T", TEXT) == content_hash("T", "  " + TEXT.upper().replace(",", ""))
    assert content_hash("T", TEXT) != content_hash("T", TEXT + " More.")


def test_cjk_text_uses_character_shingles():
    sh = shingles("台风袭击越南中部造成十二人死亡")
    assert all(len(s.decode()) == 4 for s in sh)
    assert len(sh) > 5


def test_syndicated_copy_is_found_and_unrelated_text_is_not():
    index = NearDuplicateIndex(threshold=0.8)
    stage = DedupStage(index)
    chash, sig = stage.fingerprint("Floods in Valencia", TEXT)
    first = stage.check(chash, sig, exact_id=None)
    assert first.duplicate_of is None
    stage.remember(1, first)

    copy_hash, copy_sig = stage.fingerprint("Floods in Valencia", TEXT + " (with agency reports)")
    copy = stage.check(copy_hash, copy_sig, exact_id=None)
    assert copy.duplicate_of == 1 and copy.reason == "near"
    assert copy.similarity is not None and copy.similarity >= 0.8

    other_hash, other_sig = stage.fingerprint(
        "Runoff in Peru", "Voters in Peru chose a new president in a tight runoff on Sunday.")
    assert stage.check(other_hash, other_sig, exact_id=None).duplicate_of is None


def test_exact_duplicate_wins_over_near_check():
    stage = DedupStage(NearDuplicateIndex())
    chash, sig = stage.fingerprint("x", TEXT)
    check = stage.check(chash, sig, exact_id=42)
    assert (check.duplicate_of, check.reason, check.similarity) == (42, "exact", 1.0)


def test_signatures_are_deterministic():
    assert signature(TEXT) == signature(TEXT)


def test_shared_permutations_give_the_signature_a_fresh_minhash_gives():
    """Signatures stored by earlier versions (each MinHash drawing its own permutations)
    stay comparable with the ones built from the permutations drawn once."""
    from datasketch import MinHash

    from babelwire.stages.dedup import NUM_PERM

    text = "Flooding closed the main rail line between the two cities on Tuesday."
    fresh = MinHash(num_perm=NUM_PERM, seed=7, scheme="affine32")
    fresh.update_batch(list(shingles(text)))
    assert signature(text) == tuple(int(x) for x in fresh.hashvalues)
    assert signature(text) == signature(text)  # the shared parameters are not changed by use
