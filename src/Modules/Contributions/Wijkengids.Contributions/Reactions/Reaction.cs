using JasperFx.Events;
using Wijkengids.Contributions.Moderation;

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

    /// <summary>Taken offline by an editor after it was published (a removal the sender may object to).</summary>
    public bool Removed { get; set; }

    /// <summary>The editor who removed it or hid it as spam: not the one to handle an objection.</summary>
    public string? RemovedBy { get; set; }

    /// <summary>Null, or the state of the sender's one objection (<see cref="Appeals"/>).</summary>
    public string? Appeal { get; set; }

    public static Reaction Create(ReactionReceived e) => new() { Id = e.ReactionId, About = e.About, Subject = e.Subject, AccountId = e.AccountId };

    public void Apply(ReactionPublished _) => (Published, Removed) = (true, false);

    public void Apply(IEvent<ReactionUnpublished> e)
    {
        (Published, Removed) = (false, true);
        // Events from before the decider was part of the data name them as the event's user.
        RemovedBy = e.Data.DecidedBy ?? e.UserName;
    }

    public void Apply(ReactionAnswered _) { }
    public void Apply(ReactionHandled _) => Handled = true;

    public void Apply(IEvent<ReactionMarkedAsSpam> e)
    {
        Spam = true;
        Published = false;
        RemovedBy = e.Data.DecidedBy ?? e.UserName;
    }

    public void Apply(ReactionAppealed _) => Appeal = Appeals.Open;

    public void Apply(ReactionAppealDecided e)
    {
        Appeal = e.Granted ? Appeals.Granted : Appeals.Dismissed;
        if (!e.Granted) return;
        // Granted: the removal is undone. Taken offline: shown again; hidden as spam: back in the queue.
        if (Spam) Spam = false;
        else (Published, Removed) = (true, false);
    }

    public void Apply(ReactionErased _)
    {
        Erased = true;
        Published = false;
    }

    /// <summary>
    /// Publishing shows the reaction under its section or lesson; withdrawing takes it off again, by <paramref name="editor"/>.
    /// <paramref name="reasonCode"/> is already checked against the decision (<see cref="ModerationDecisions"/>).
    /// </summary>
    public object? Publish(bool publish, string reasonCode, string editor, string? note = null)
    {
        EnsureNotErased();
        if (Spam && publish) throw new RuleViolationException("Een reactie die als spam is verborgen kan niet worden gepubliceerd.");
        if (Published == publish) return null;
        return publish ? new ReactionPublished(Id, reasonCode)
            : new ReactionUnpublished(Id, reasonCode, editor, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>A public answer is shown under the reaction, so only a published reaction can get one.</summary>
    public ReactionAnswered Answer(string answer, bool isPublic, DateTimeOffset now)
    {
        EnsureNotErased();
        if (Spam) throw new RuleViolationException("Een reactie die als spam is verborgen wordt niet beantwoord.");
        if (isPublic && !Published)
        {
            throw new RuleViolationException(
                "Een openbaar antwoord staat onder de reactie, maar deze reactie is niet gepubliceerd. Publiceer de reactie eerst, of beantwoord haar per e-mail.");
        }
        return new ReactionAnswered(Id, answer.Trim(), isPublic, now, ModerationReasons.Answered);
    }

    public ReactionHandled? Handle(string reasonCode)
    {
        EnsureNotErased();
        return Handled ? null : new ReactionHandled(Id, reasonCode);
    }

    public ReactionMarkedAsSpam? MarkAsSpam(string reason, string editor)
    {
        EnsureNotErased();
        return Spam ? null : new ReactionMarkedAsSpam(Id, reason.Trim(), ModerationReasons.Spam, editor);
    }

    /// <summary>The sender objects to the removal, once.</summary>
    public ReactionAppealed Object(Sealed motivation, DateTimeOffset now)
    {
        EnsureNotErased();
        Appeals.EnsureCanObject(Removed || Spam, Appeal, "het terugtrekken of verbergen van uw reactie");
        return new ReactionAppealed(Id, motivation, now);
    }

    /// <summary>Another editor than the one who removed the reaction decides on the objection.</summary>
    public ReactionAppealDecided DecideAppeal(bool granted, string? explanation, string editor, DateTimeOffset now)
    {
        EnsureNotErased();
        var decision = Appeals.EnsureCanDecide(Appeal, RemovedBy, editor, granted);
        return new ReactionAppealDecided(Id, granted, decision.DefaultReason!, string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim(),
            editor, now);
    }

    /// <summary>The sender's data is erased: recorded once, whatever the reaction's state.</summary>
    public ReactionErased? Erase(DateTimeOffset now) => Erased ? null : new ReactionErased(Id, now);

    private void EnsureNotErased()
    {
        if (Erased) throw new RuleViolationException("Deze reactie is gewist op verzoek van de afzender; er kan niets meer mee.");
    }
}
