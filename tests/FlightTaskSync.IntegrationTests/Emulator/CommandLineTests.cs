using FlightTaskSync.Emulator.Cli;

namespace FlightTaskSync.IntegrationTests.Emulator;

[TestFixture]
public sealed class CommandLineTests
{
    [Test]
    public void Parse_NoArguments_SeedsFiveThousandTasksOnAnyPort()
    {
        var commandLine = CommandLine.Parse([]);

        Assert.Multiple(() =>
        {
            Assert.That(commandLine.Options.TaskCount, Is.EqualTo(5000));
            Assert.That(commandLine.Options.Port, Is.Zero);
            Assert.That(commandLine.Options.PageSize, Is.EqualTo(2000));
            Assert.That(commandLine.ShowHelp, Is.False);
            Assert.That(commandLine.DropMutationAnswers, Is.Zero);
        });
    }

    [Test]
    public void Parse_EveryOption_SetsTheOptions()
    {
        var commandLine = CommandLine.Parse(
            ["--tasks", "20000", "--organizations", "3", "--children=4", "--page-size", "500", "--port", "5080", "--seed", "-7", "--token", "abc", "--token-lifetime", "60", "--verbose", "--drop-mutation-answers", "0.25"]);

        var options = commandLine.Options;
        Assert.Multiple(() =>
        {
            Assert.That(options.TaskCount, Is.EqualTo(20000));
            Assert.That(options.OrganizationCount, Is.EqualTo(3));
            Assert.That(options.ChildrenPerOrganization, Is.EqualTo(4));
            Assert.That(options.PageSize, Is.EqualTo(500));
            Assert.That(options.Port, Is.EqualTo(5080));
            Assert.That(options.Seed, Is.EqualTo(-7));
            Assert.That(options.AccessToken, Is.EqualTo("abc"));
            Assert.That(options.TokenLifetime, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(commandLine.Verbose, Is.True);
            Assert.That(commandLine.DropMutationAnswers, Is.EqualTo(0.25));
        });
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public void Parse_Help_ShowsHelp(string argument)
    {
        Assert.That(CommandLine.Parse([argument]).ShowHelp, Is.True);
        Assert.That(CommandLine.Usage, Does.Contain("--tasks N").And.Contain("--page-size N"));
    }

    [TestCase(new[] { "--bogus" }, "Unknown argument '--bogus'")]
    [TestCase(new[] { "--tasks" }, "--tasks needs a value")]
    [TestCase(new[] { "--tasks", "--port", "1" }, "--tasks needs a value")]
    [TestCase(new[] { "--tasks", "many" }, "--tasks needs a whole number, not 'many'")]
    [TestCase(new[] { "--port", "70000" }, "--port must be from 0 to 65535, not 70000")]
    [TestCase(new[] { "--organizations", "0" }, "--organizations must be 1 or more, not 0")]
    [TestCase(new[] { "--drop-mutation-answers", "1.5" }, "--drop-mutation-answers must be a number from 0 to 1, not '1.5'")]
    [TestCase(new[] { "--drop-mutation-answers", "some" }, "--drop-mutation-answers must be a number from 0 to 1, not 'some'")]
    public void Parse_BadArguments_ThrowsWithAClearMessage(string[] args, string message)
    {
        Assert.That(() => CommandLine.Parse(args), Throws.InstanceOf<CommandLineException>().With.Message.Contains(message));
    }
}
