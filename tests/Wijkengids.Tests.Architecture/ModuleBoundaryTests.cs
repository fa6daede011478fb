using System.Reflection;
using NetArchTest.Rules;
using Wijkengids.Host;

namespace Wijkengids.Tests.Architecture;

/// <summary>
/// The module boundaries of docs/adr/0001: a module references only the SharedKernel, the Platform (docs/adr/0095) and
/// other modules' Contracts; Contracts reference no module internals; the SharedKernel knows no module.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] ModuleAssemblies = Modules.All.Select(m => m.GetType().Assembly).ToArray();

    private static Assembly ContractsOf(Assembly module) =>
        Assembly.Load(module.GetName().Name + ".Contracts");

    public static TheoryData<string> ModuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var module in ModuleAssemblies) data.Add(module.GetName().Name!);
        return data;
    }

    [Fact]
    public void Host_composes_the_five_modules()
    {
        Assert.Equal(
            ["Wijkengids.Audit", "Wijkengids.Community", "Wijkengids.Content", "Wijkengids.Contributions", "Wijkengids.Workshops"],
            ModuleAssemblies.Select(a => a.GetName().Name!).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_only_the_shared_kernel_the_platform_and_contracts(string moduleName)
    {
        var module = Assembly.Load(moduleName);
        var ours = module.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Wijkengids.", StringComparison.Ordinal));
        Assert.All(ours, name => Assert.True(
            name is "Wijkengids.SharedKernel" or "Wijkengids.Platform" || name.EndsWith(".Contracts", StringComparison.Ordinal),
            $"{moduleName} verwijst naar {name}: alleen SharedKernel, Platform en *.Contracts zijn toegestaan."));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void No_type_of_a_module_depends_on_another_modules_internals(string moduleName)
    {
        var module = Assembly.Load(moduleName);
        var othersInternals = ModuleAssemblies.Where(a => a != module)
            .SelectMany(a => a.GetTypes())
            .Select(t => t.FullName!)
            .Where(n => n.StartsWith("Wijkengids.", StringComparison.Ordinal) && !n.Contains('<'))
            .ToArray();
        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(othersInternals).GetResult();
        Assert.True(result.IsSuccessful, $"{moduleName} gebruikt interne typen van een andere module: " +
                                         string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_reference_no_module_internals(string moduleName)
    {
        var contracts = ContractsOf(Assembly.Load(moduleName));
        var ours = contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Wijkengids.", StringComparison.Ordinal));
        Assert.All(ours, name => Assert.True(name == "Wijkengids.SharedKernel" || name.EndsWith(".Contracts", StringComparison.Ordinal),
            $"{contracts.GetName().Name} verwijst naar {name}."));
        var internals = ModuleAssemblies.SelectMany(a => a.GetTypes()).Select(t => t.FullName!).Where(n => n.StartsWith("Wijkengids.", StringComparison.Ordinal) && !n.Contains('<')).ToArray();
        Assert.True(Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(internals).GetResult().IsSuccessful);
    }

    [Fact]
    public void Shared_kernel_knows_no_module()
    {
        var kernel = typeof(Wijkengids.SharedKernel.IModule).Assembly;
        var result = Types.InAssembly(kernel).ShouldNot()
            .HaveDependencyOnAny(ModuleAssemblies.Select(a => a.GetName().Name!).Concat(["Wijkengids.Host"]).ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain(kernel.GetReferencedAssemblies(), a => a.Name!.StartsWith("Wijkengids.", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_types_are_plain_data_without_behaviour()
    {
        foreach (var contracts in ModuleAssemblies.Select(ContractsOf))
        {
            foreach (var type in contracts.GetExportedTypes())
            {
                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => !m.IsSpecialName && !m.IsAbstract && m.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
                    .Where(m => m.Name is not ("ToString" or "Equals" or "GetHashCode" or "Deconstruct" or "<Clone>$" or "PrintMembers"))
                    .Select(m => m.Name)
                    .ToList();
                Assert.True(methods.Count == 0, $"{type.FullName} in Contracts heeft logica: {string.Join(", ", methods)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_has_exactly_one_registration_type(string moduleName)
    {
        var module = Assembly.Load(moduleName);
        var registrations = module.GetTypes().Where(t => typeof(Wijkengids.SharedKernel.IModule).IsAssignableFrom(t)).ToList();
        Assert.Single(registrations);
    }
}
