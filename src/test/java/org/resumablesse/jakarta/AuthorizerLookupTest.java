package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.resumablesse.StreamAuthorizer;

class AuthorizerLookupTest {

    static final class FirstAuthorizer {}

    static final class SecondAuthorizer {}

    @Test
    void noBeanLeavesTopicsOpen() {
        assertThat(AuthorizerLookup.resolve(beans(List.of()))).isNull();
    }

    @Test
    void theOneBeanIsUsed() {
        StreamAuthorizer only = request -> List.of();

        assertThat(AuthorizerLookup.resolve(beans(List.of(only)))).isSameAs(only);
    }

    @Test
    void severalBeansFailTheDeploymentNamingTheirClasses() {
        StreamAuthorizer any = request -> List.of();

        assertThatThrownBy(() -> AuthorizerLookup.resolve(beans(List.of(any, any))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("several StreamAuthorizer beans")
                .hasMessageContaining(FirstAuthorizer.class.getName())
                .hasMessageContaining(SecondAuthorizer.class.getName());
    }

    /** An Instance over these beans; its handles name FirstAuthorizer, SecondAuthorizer. */
    @SuppressWarnings("unchecked")
    private static Instance<StreamAuthorizer> beans(List<StreamAuthorizer> found) {
        List<Class<?>> classes = List.of(FirstAuthorizer.class, SecondAuthorizer.class);
        return (Instance<StreamAuthorizer>)
                proxy(
                        Instance.class,
                        (method, args) ->
                                switch (method) {
                                    case "isUnsatisfied" -> found.isEmpty();
                                    case "isAmbiguous" -> found.size() > 1;
                                    case "get" -> found.get(0);
                                    case "handlesStream" ->
                                            Stream.of(0, 1)
                                                    .limit(found.size())
                                                    .map(i -> handle(classes.get(i)));
                                    default -> throw new UnsupportedOperationException(method);
                                });
    }

    private static Instance.Handle<?> handle(Class<?> type) {
        Bean<?> bean =
                proxy(
                        Bean.class,
                        (method, args) -> {
                            if (method.equals("getBeanClass")) {
                                return type;
                            }
                            throw new UnsupportedOperationException(method);
                        });
        return proxy(
                Instance.Handle.class,
                (method, args) -> {
                    if (method.equals("getBean")) {
                        return bean;
                    }
                    throw new UnsupportedOperationException(method);
                });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(
                Proxy.newProxyInstance(
                        AuthorizerLookupTest.class.getClassLoader(),
                        new Class<?>[] {type},
                        (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
