using Linkage.Config;
using Linkage.Recognise;

namespace Linkage.Tests.Recognise;

[TestClass]
public sealed class PersonalDataConfigTests
{
    [TestMethod]
    public void Vocabulary_warns_about_config_aliases_for_personal_data_names_and_only_those()
    {
        var config = ConfigLoader.Parse(
            """{ "columns": { "count": ["Passport number"], "state": ["Code"], "ignore": ["DateOfBirth"] }, "linkage": { "internal": ["Nom"] }, "measure": { "children": ["Kinder gesamt"] } }""",
            "config.json",
            out var error);
        Assert.IsNull(error);

        var vocabulary = Vocabulary.WithConfig(config, out var errors);

        Assert.IsEmpty(errors);
        Assert.HasCount(3, vocabulary.ConfigWarnings, string.Join("\n", vocabulary.ConfigWarnings));
        Assert.AreEqual(
            "config: \"columns\".\"count\" lists 'Passport number', which names personal data (id number); a file with such a column is refused whatever the config says, so the alias has no effect.",
            vocabulary.ConfigWarnings[0]);
        Assert.Contains("'DateOfBirth'", vocabulary.ConfigWarnings[1]);
        Assert.Contains("\"linkage\".\"internal\" lists 'Nom'", vocabulary.ConfigWarnings[2]);
        Assert.Contains("passport number", vocabulary.ConfigAliases);
    }

    [TestMethod]
    public void The_built_in_vocabulary_has_no_config_warnings_or_aliases()
    {
        Assert.IsEmpty(Vocabulary.BuiltIn.ConfigWarnings);
        Assert.IsEmpty(Vocabulary.BuiltIn.ConfigAliases);
        Assert.IsEmpty(Vocabulary.WithConfig(null, out _).ConfigWarnings);
    }
}
