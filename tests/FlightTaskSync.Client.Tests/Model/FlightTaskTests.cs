using FlightTaskSync.Client.Tests.Fixtures;

namespace FlightTaskSync.Client.Tests.Model;

public class FlightTaskTests
{
    [Test]
    public void ToString_Task_IsIdNameAndStatusWithoutTheRawJson()
    {
        var task = FlightTaskBuilder.Task(1).Named("North pivot").WithStatus("IN_PROGRESS").Build();

        Assert.That(task.ToString(), Is.EqualTo($"{task.SenteraId} \"North pivot\" (IN_PROGRESS)"));
        Assert.That(task.ToString(), Does.Not.Contain(task.ContentHash));
    }
}
