using NUnit.Framework.Internal;

namespace MemKata.Testing.Tests;

public class TaskAttributeTests
{
    [Test]
    public void The_task_number_becomes_the_tests_Task_property()
    {
        var test = new TestMethod(new MethodWrapper(typeof(TaskAttributeTests), nameof(The_task_number_becomes_the_tests_Task_property)));

        new TaskAttribute(3).ApplyToTest(test);

        Assert.That(test.Properties.Get(TaskAttribute.PropertyName), Is.EqualTo(3));
        Assert.That(TaskAttribute.PropertyName, Is.EqualTo("Task"), "graders and check.sh read the property by this name");
    }

    [Test]
    public void Tasks_are_numbered_from_1() =>
        Assert.That(() => new TaskAttribute(0), Throws.TypeOf<ArgumentOutOfRangeException>());
}
