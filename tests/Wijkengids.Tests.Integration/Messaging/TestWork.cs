using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wijkengids.Tests.Integration.Infrastructure;
using Wolverine;

namespace Wijkengids.Tests.Integration.Messaging;

/// <summary>Work that fails with a transient database error the first <see cref="Failures"/> times it is handled.</summary>
public sealed record FlakyWork(Guid Id, int Failures);

/// <summary>Work that fails with a programming error while its id is in <see cref="TestWork.Broken"/>.</summary>
public sealed record BrokenWork(Guid Id);

/// <summary>Work left behind in the inbox by a node that died (see RecoveryTests).</summary>
public sealed record StrandedWork(Guid Id);

/// <summary>What the test handlers saw; keyed by the work's id, so test classes running in parallel do not meet.</summary>
public static class TestWork
{
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();
    public static readonly ConcurrentDictionary<Guid, bool> Handled = new();
    public static readonly ConcurrentDictionary<Guid, bool> Broken = new();

    private static int Attempt(Guid id) => Attempts.AddOrUpdate(id, 1, (_, n) => n + 1);

    public static void Handle(FlakyWork work)
    {
        if (Attempt(work.Id) <= work.Failures)
        {
            throw new PostgresException("could not serialize access due to concurrent update", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
        }
        Handled[work.Id] = true;
    }

    public static void Handle(BrokenWork work)
    {
        Attempt(work.Id);
        if (Broken.ContainsKey(work.Id)) throw new InvalidOperationException($"Werk {work.Id} is kapot.");
        Handled[work.Id] = true;
    }

    public static void Handle(StrandedWork work)
    {
        Attempt(work.Id);
        Handled[work.Id] = true;
    }

    /// <summary>Adds the test handlers to the host's Wolverine discovery.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.ConfigureWolverine(options => options.Discovery.IncludeType(typeof(TestWorkHandler)));
}

/// <summary>Wolverine finds handlers by name: the handler class delegates to <see cref="TestWork"/>.</summary>
public static class TestWorkHandler
{
    public static void Handle(FlakyWork work) => TestWork.Handle(work);

    public static void Handle(BrokenWork work) => TestWork.Handle(work);

    public static void Handle(StrandedWork work) => TestWork.Handle(work);
}

/// <summary>The host with the test handlers.</summary>
public class TestWorkFixture : HostFixture
{
    protected override void ConfigureServices(IServiceCollection services) => TestWork.AddTo(services);
}
