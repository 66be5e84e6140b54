package io.realtimeblog.datafolder;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the data folder owner-only on every start. A bean factory post-processor, so it runs before any bean is
 * created: before H2 opens its file, the embedded broker starts or the JWT secret is read.
 *
 * <p>The folder is created when missing (the embedded defaults need it). If it cannot be (a read-only file system
 * in a deployment where the database, Kafka and the secret are all external), that is logged and the start goes on:
 * whatever needs the folder then fails with its own message.
 */
@Component
class DataFolderGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(DataFolderGuard.class);

    private Path dataDir;

    @Override
    public void setEnvironment(Environment environment) {
        dataDir = DataFolderProperties.from(environment).dataDir().toAbsolutePath().normalize();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        protect(dataDir);
    }

    static void protect(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            try {
                OwnerOnly.createDirectories(dataDir);
            } catch (RuntimeException e) {
                log.warn("Cannot create the data folder {} ({}); the embedded defaults (H2 file, Kafka broker, "
                        + "generated secrets) need it: set BLOG_DATA_DIR to a writable folder", dataDir, e.getMessage());
                return;
            }
        }
        int changed = OwnerOnly.restrictTree(dataDir);
        if (changed > 0) {
            log.info("Made {} file(s) and folder(s) under the data folder {} owner-only (0600 files, 0700 folders)",
                    changed, dataDir);
        }
    }
}
