using System.Security.Cryptography;
using System.Text;
using Marten;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Shared;

/// <summary>A read model written together with the events of its stream; <see cref="Version"/> is the stream's version.</summary>
public interface IStreamView
{
    Guid Id { get; }
    long Version { get; set; }
}

internal static class VersionedStreams
{
    /// <summary>Loads the view of a stream for a change; a stale <paramref name="expectedVersion"/> is a 409 with a Dutch message.</summary>
    public static async Task<T> LoadForChangeAsync<T>(this IDocumentSession session, Guid id, long? expectedVersion, string notFound,
        string changedMeanwhile, CancellationToken cancellationToken) where T : class, IStreamView
    {
        var view = await session.LoadAsync<T>(id, cancellationToken) ?? throw new NotFoundException(notFound);
        if (expectedVersion is { } expected && expected != view.Version) throw new ConflictException(changedMeanwhile);
        return view;
    }

    /// <summary>
    /// Appends the events with the version the stream must reach (a concurrent change fails with a concurrency
    /// error, a 409) and stores the view alongside, stamped with actor, correlation, causation and reason.
    /// </summary>
    public static void AppendWithView<T>(this IDocumentSession session, IRequestContext context, string? reason, T view,
        IReadOnlyList<object> events) where T : class, IStreamView
    {
        session.Stamp(context, reason);
        session.Events.Append(view.Id, view.Version + events.Count, events);
        view.Version += events.Count;
        session.Store(view);
    }

    /// <summary>Starts a new stream with its view.</summary>
    public static void StartWithView<T>(this IDocumentSession session, IRequestContext context, string? reason, T view,
        IReadOnlyList<object> events) where T : class, IStreamView
    {
        session.Stamp(context, reason);
        session.Events.StartStream(view.Id, events);
        view.Version = events.Count;
        session.Store(view);
    }

    /// <summary>A stable id for an imported item ("person:p08"), so importing again finds what is already there.</summary>
    public static Guid StableId(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("wijkengids:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
