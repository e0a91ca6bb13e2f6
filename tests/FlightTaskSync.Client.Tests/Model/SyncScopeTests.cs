namespace FlightTaskSync.Client.Tests.Model;

public class SyncScopeTests
{
    private const string OrganizationId = "ezpt0wj_OR_8brhbkSentera_CV_deve_877281e47_210503_085333";

    [Test]
    public void ToString_WithoutDescendants_IsTheOrganizationId()
    {
        Assert.That(new SyncScope(OrganizationId).ToString(), Is.EqualTo(OrganizationId));
    }

    [Test]
    public void ToString_WithDescendants_SaysSo()
    {
        Assert.That(new SyncScope(OrganizationId, IncludeDescendantOrganizations: true).ToString(), Is.EqualTo(OrganizationId + " (with descendants)"));
    }

    [Test]
    public void Equals_SameOrganizationWithAndWithoutDescendants_AreDifferentScopes()
    {
        var withDescendants = new SyncScope(OrganizationId, true);

        Assert.That(withDescendants, Is.Not.EqualTo(new SyncScope(OrganizationId, false)));
        Assert.That(withDescendants, Is.EqualTo(new SyncScope(OrganizationId, IncludeDescendantOrganizations: true)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t")]
    public void Constructor_BlankOrganizationId_ThrowsSayingWhatIsExpected(string? organizationId)
    {
        var thrown = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _ = new SyncScope(organizationId!));

        Assert.That(thrown!.Message, Does.Contain("needs the sentera_id of an organization"));
        Assert.That(((ArgumentException)thrown).ParamName, Is.EqualTo(nameof(SyncScope.OrganizationSenteraId)));
    }

    [Test]
    public void With_BlankOrganizationId_Throws()
    {
        var scope = new SyncScope(OrganizationId);

        Assert.Throws<ArgumentException>(() => _ = scope with { OrganizationSenteraId = "" });
    }
}
