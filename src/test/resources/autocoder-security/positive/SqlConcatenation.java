package fixtures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class SqlConcatenation {

    ResultSet inline(Statement statement, String name) throws SQLException {
        return statement.executeQuery("select * from users where name = '" + name + "'");
    }

    void prepared(Connection connection, String table) throws SQLException {
        connection.prepareStatement("select count(*) from " + table).executeQuery();
    }

    int viaLocalVariable(Statement statement, String id) throws SQLException {
        String sql = "delete from users where id = " + id;
        return statement.executeUpdate(sql);
    }

    void viaCompoundAssignment(Statement statement, String order) throws SQLException {
        String sql = "select * from users";
        sql += " order by " + order;
        statement.addBatch(sql);
        statement.execute(sql);
    }

    void callable(Connection connection, StringBuilder procedure) throws SQLException {
        connection.prepareCall("{call " + procedure + "}");
    }
}
