namespace Wijkengids.SharedKernel;

/// <summary>A command a module offers on the host's command line, e.g. `seed-demo`.</summary>
public interface ICommandLineCommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>
    /// False when the command (with these arguments, the command name excluded) works without the host and its database,
    /// e.g. checking a file offline. Such a command must have a public parameterless constructor; it runs before the host starts.
    /// </summary>
    bool NeedsDatabase(string[] args) => true;
}
