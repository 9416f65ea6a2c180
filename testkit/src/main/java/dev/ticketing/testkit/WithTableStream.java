package dev.ticketing.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the test class's table the template's DynamoDB stream. Other test tables have none: the local engine
 * (moto) copies both images of every write into the stream, which makes write-heavy tests several times slower.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithTableStream {
}
