namespace Wijkengids.SharedKernel;

/// <summary>
/// An event that can say in plain Dutch what happened ("Les 2.3 herzien"). The audit read side
/// shows this text without knowing the module's event types.
/// </summary>
public interface IDescribedEvent
{
    string Describe();
}
