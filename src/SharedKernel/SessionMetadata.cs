using Marten;
using Wolverine.Marten;

namespace Wijkengids.SharedKernel;

public static class SessionMetadata
{
    /// <summary>Stamps actor, correlation and causation on every event the session appends.</summary>
    public static IDocumentSession Stamp(this IDocumentSession session, IRequestContext context, string? reason = null)
    {
        session.LastModifiedBy = context.Actor;
        session.CorrelationId = context.CorrelationId;
        session.CausationId = context.CausationId;
        if (!string.IsNullOrWhiteSpace(reason)) session.SetHeader(MetadataHeaders.Reason, reason.Trim());
        return session;
    }

    /// <summary>
    /// Enrolls the session in Wolverine's outbox so that the messages published through
    /// <paramref name="outbox"/> commit together with the session's events, and carries the
    /// actor and correlation onto those messages.
    /// </summary>
    public static IMartenOutbox EnrollWith(this IMartenOutbox outbox, IDocumentSession session, IRequestContext context)
    {
        if (outbox is Wolverine.IMessageContext messageContext)
        {
            messageContext.CorrelationId = context.CorrelationId;
            messageContext.UserName = context.Actor;
        }
        outbox.Enroll(session);
        // Enrolling copies the outbox's metadata onto the session: make sure it is ours.
        session.LastModifiedBy = context.Actor;
        session.CorrelationId = context.CorrelationId;
        session.CausationId = context.CausationId;
        return outbox;
    }
}
