namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// A reaction's write model: rebuilt from its stream (<c>Apply</c>), it decides each moderation step and answers with
/// the events to append, or nothing when the step changes nothing. It holds no personal data: what the sender wrote
/// stays sealed in <see cref="ReactionReceived"/>.
/// </summary>
public sealed class Reaction
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string About { get; set; } = "";
    public Guid Subject { get; set; }
    public Guid? AccountId { get; set; }
    public bool Published { get; set; }
    public bool Handled { get; set; }
    public bool Spam { get; set; }
    public bool Erased { get; set; }

    public static Reaction Create(ReactionReceived e) => new() { Id = e.ReactionId, About = e.About, Subject = e.Subject, AccountId = e.AccountId };

    public void Apply(ReactionPublished _) => Published = true;
    public void Apply(ReactionUnpublished _) => Published = false;
    public void Apply(ReactionAnswered _) { }
    public void Apply(ReactionHandled _) => Handled = true;

    public void Apply(ReactionMarkedAsSpam _)
    {
        Spam = true;
        Published = false;
    }

    public void Apply(ReactionErased _)
    {
        Erased = true;
        Published = false;
    }

    /// <summary>Publishing shows the reaction under its section or lesson; withdrawing takes it off again.</summary>
    public object? Publish(bool publish)
    {
        EnsureNotErased();
        if (Spam && publish) throw new RuleViolationException("Een reactie die als spam is verborgen kan niet worden gepubliceerd.");
        if (Published == publish) return null;
        return publish ? new ReactionPublished(Id) : new ReactionUnpublished(Id);
    }

    public ReactionAnswered Answer(string answer, bool isPublic, DateTimeOffset now)
    {
        EnsureNotErased();
        if (Spam) throw new RuleViolationException("Een reactie die als spam is verborgen wordt niet beantwoord.");
        return new ReactionAnswered(Id, answer.Trim(), isPublic, now);
    }

    public ReactionHandled? Handle()
    {
        EnsureNotErased();
        return Handled ? null : new ReactionHandled(Id);
    }

    public ReactionMarkedAsSpam? MarkAsSpam(string reason)
    {
        EnsureNotErased();
        return Spam ? null : new ReactionMarkedAsSpam(Id, reason.Trim());
    }

    /// <summary>The sender's data is erased: recorded once, whatever the reaction's state.</summary>
    public ReactionErased? Erase(DateTimeOffset now) => Erased ? null : new ReactionErased(Id, now);

    private void EnsureNotErased()
    {
        if (Erased) throw new RuleViolationException("Deze reactie is gewist op verzoek van de afzender; er kan niets meer mee.");
    }
}
