using System.Net.Sockets;
using Marten.Exceptions;
using Npgsql;
using Wijkengids.Host.Infrastructure;
using Wolverine.Tracking;
using Wijkengids.Tests.Integration.Infrastructure;

namespace Wijkengids.Tests.Integration.Messaging;

/// <summary>Every handler retries transient database errors with backoff (docs/adr/0081).</summary>
[Collection(SharedHosts.Messaging)]
public sealed class RetryTests(TestWorkFixture fixture)
{
    [Fact]
    public async Task A_handler_that_fails_transiently_a_few_times_succeeds_in_the_end()
    {
        var work = new FlakyWork(Guid.NewGuid(), Failures: 3);

        await fixture.Host.TrackActivity(TimeSpan.FromSeconds(90)).DoNotAssertOnExceptionsDetected().SendMessageAndWaitAsync(work);

        Assert.True(TestWork.Handled.ContainsKey(work.Id));
        Assert.Equal(4, TestWork.Attempts[work.Id]);
    }

    [Fact]
    public void Database_and_connection_failures_are_transient_and_programming_errors_are_not()
    {
        Assert.True(MessagingPolicies.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("connection reset"))));
        Assert.True(MessagingPolicies.IsTransient(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL",
            PostgresErrorCodes.AdminShutdown)));
        Assert.True(MessagingPolicies.IsTransient(new MartenCommandException(new NpgsqlCommand("select 1"),
            new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected))));
        Assert.True(MessagingPolicies.IsTransient(new TimeoutException()));
        Assert.True(MessagingPolicies.IsTransient(new SocketException((int)SocketError.ConnectionRefused)));

        Assert.False(MessagingPolicies.IsTransient(new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.False(MessagingPolicies.IsTransient(new InvalidOperationException("kapot")));
    }
}
