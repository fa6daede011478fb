namespace Wijkengids.SharedKernel;

/// <summary>A command a module offers on the host's command line, e.g. `seed-demo`.</summary>
public interface ICommandLineCommand
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args, IServiceProvider services, CancellationToken cancellationToken);
}
