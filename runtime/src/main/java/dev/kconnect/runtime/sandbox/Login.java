package dev.kconnect.runtime.sandbox;

import com.gpudb.GPUdbBase;

import java.util.Map;

/**
 * The user and password the sandbox's Kinetica emulator requires ({@code kconnect sandbox
 * --kinetica-user U --kinetica-password-file F}); {@link #NONE} when it lets anyone in.
 */
public record Login(String user, String password) {

    public static final Login NONE = new Login(null, null);

    public boolean required() {
        return user != null;
    }

    /** Client options that log in with it. */
    GPUdbBase.Options options() {
        GPUdbBase.Options options = new GPUdbBase.Options().setDisableAutoDiscovery(true).setDisableFailover(true);
        return required() ? options.setUsername(user).setPassword(password) : options;
    }

    /** Puts it into a Kinetica connector's config, as kinetica.username and kinetica.password. */
    void configure(Map<String, String> connector) {
        if (required()) {
            connector.put("kinetica.username", user);
            connector.put("kinetica.password", password);
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return required() ? "Login[user=" + user + "]" : "Login[none]";
    }
}
