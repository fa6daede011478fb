namespace Wijkengids.Tests;

/// <summary>A clock the tests can move forward (to let links expire, or to get past a session); everything else stays real.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
