using JasperFx.Events;
using Wijkengids.Content.Items;
using Wijkengids.SharedKernel;

namespace Wijkengids.Tests.Unit.Content;

/// <summary>The item aggregate decides the editorial workflow (four eyes, publication, archive) from its events alone.</summary>
public sealed class ItemDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 11, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static IEvent<T> By<T>(string actor, T data) where T : notnull => new Event<T>(data) { UserName = actor, Timestamp = Now };

    /// <summary>A lesson whose first revision Eva wrote.</summary>
    private static ItemState Drafted()
    {
        var item = ItemState.Create(By("eva", new ItemCreated(Id, ItemKinds.Lesson, "bewoners-eerst")));
        item.Apply(By("eva", new DraftSaved(Id, 1, new ItemText { Title = "Bewoners eerst", Body = "Tekst." })));
        return item;
    }

    private static ItemState InReview()
    {
        var item = Drafted();
        item.Apply(By("eva", item.Submit()));
        return item;
    }

    [Fact]
    public void Four_eyes_the_author_of_the_revision_cannot_approve_or_send_it_back_and_someone_else_can()
    {
        var item = InReview();
        Assert.Contains("Vier ogen", Assert.Throws<RuleViolationException>(() => item.Approve("eva")).Message);
        Assert.Contains("Vier ogen", Assert.Throws<RuleViolationException>(() => item.RequestChanges("eva", "korter")).Message);

        var approved = item.Approve("ruud");
        Assert.Equal((Id, 1), (approved.ItemId, approved.Revision));
        item.Apply(By("ruud", approved));
        Assert.Equal((ItemStatus.Approved, "ruud"), (item.Status, item.Reviewer));
    }

    [Fact]
    public void Four_eyes_hold_against_a_colleagues_identical_save_everyone_who_wrote_since_publication_is_an_author()
    {
        var item = Drafted();
        // The sidestep: a colleague saves the same text to become the last author, so that the first may approve.
        var same = Assert.Throws<RuleViolationException>(() => item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Tekst." }));
        Assert.Contains("niets gewijzigd", same.Message);

        item.Apply(By("ruud", item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Tekst, iets beter." })));
        item.Apply(By("ruud", item.Submit()));
        Assert.Contains("sinds de vorige publicatie", Assert.Throws<RuleViolationException>(() => item.Approve("eva")).Message);
        Assert.Throws<RuleViolationException>(() => item.RequestChanges("eva", "nee"));

        var approved = item.Approve("ilse");
        Assert.Equal("ilse", approved.Approver);
        Assert.Equal(["eva", "ruud"], approved.Authors!);
        item.Apply(By("ilse", approved));
        item.Apply(By("ilse", item.Publish(Now)));

        // After publication only those who wrote since then count.
        Assert.Empty(item.AuthorsSincePublication);
        item.Apply(By("ruud", item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Derde tekst." })));
        item.Apply(By("ruud", item.Submit()));
        Assert.Equal(["ruud"], item.Approve("eva").Authors!);
    }

    [Fact]
    public void A_revert_to_a_text_equal_to_the_current_one_is_refused()
    {
        var item = Drafted();
        item.Apply(By("eva", item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Anders." })));
        item.Apply(By("eva", item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Tekst." })));
        Assert.Contains("dezelfde tekst", Assert.Throws<RuleViolationException>(() =>
            item.Restore(1, new ItemText { Title = "Bewoners eerst", Body = "Tekst." })).Message);
    }

    [Fact]
    public void A_new_revision_by_the_reviewer_makes_them_an_author_who_may_no_longer_approve()
    {
        var item = InReview();
        item.Apply(By("ruud", item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Betere tekst." })));
        Assert.Equal((2, ItemStatus.Draft, "ruud"), (item.Revision, item.Status, item.LastAuthor));
        item.Apply(By("ruud", item.Submit()));
        Assert.Throws<RuleViolationException>(() => item.Approve("ruud"));
        // Eva wrote revision 1 since the last publication: she is an author too.
        Assert.Throws<RuleViolationException>(() => item.Approve("eva"));
        item.Approve("ilse");
    }

    [Fact]
    public void Only_an_approved_revision_is_published_and_the_event_carries_its_text_revision_and_moment()
    {
        var item = InReview();
        Assert.Throws<RuleViolationException>(() => item.Publish(Now));
        item.Apply(By("ruud", item.Approve("ruud")));

        var published = item.Publish(Now);
        Assert.Equal((1, "Bewoners eerst", Now, "bewoners-eerst"), (published.Revision, published.Text.Title, published.PublishedAt, published.Slug));
        item.Apply(By("ruud", published));
        Assert.Equal((ItemStatus.Published, 1), (item.Status, item.PublishedRevision));

        item.Apply(By("ruud", item.Unpublish()));
        Assert.Equal((ItemStatus.Unpublished, (int?)null), (item.Status, item.PublishedRevision));
        Assert.Throws<RuleViolationException>(() => item.Unpublish());
    }

    [Fact]
    public void Changes_requested_carry_the_comment_and_the_draft_can_be_offered_again()
    {
        var item = InReview();
        var requested = item.RequestChanges("ruud", "  Noem een bron.  ");
        Assert.Equal("Noem een bron.", requested.Comment);
        item.Apply(By("ruud", requested));
        Assert.Equal((ItemStatus.ChangesRequested, "Noem een bron."), (item.Status, item.ReviewComment));
        item.Apply(By("eva", item.Submit()));
        Assert.Equal(ItemStatus.InReview, item.Status);
        Assert.Throws<RuleViolationException>(() => item.Submit());
    }

    [Fact]
    public void A_revert_restores_an_older_text_as_a_new_revision_but_not_the_current_one()
    {
        var item = Drafted();
        item.Apply(By("eva", item.SaveDraft(new ItemText { Title = "Bewoners eerst", Body = "Tweede tekst." })));
        Assert.Throws<RuleViolationException>(() => item.Restore(2, item.Text));

        var restored = item.Restore(1, new ItemText { Title = "Bewoners eerst", Body = "Tekst." });
        Assert.Equal((3, 1), (restored.Revision, restored.RestoredFrom));
        item.Apply(By("eva", restored));
        Assert.Equal(("Tekst.", 3), (item.Text.Body, item.Revision));
    }

    [Fact]
    public void An_archived_item_takes_no_new_text_and_no_step()
    {
        var item = Drafted();
        item.Apply(By("eva", item.Archive()));
        Assert.Equal(ItemStatus.Archived, item.Status);
        Assert.Throws<RuleViolationException>(() => item.SaveDraft(new ItemText { Title = "Nog eens" }));
        Assert.Throws<RuleViolationException>(() => item.Submit());
        Assert.Throws<RuleViolationException>(() => item.Archive());
    }
}
